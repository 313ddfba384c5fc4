import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Builds `entry` (src/early.ts) as a chunk of its own with its own (async) script in index.html.
 * Vite would otherwise bundle every script of index.html into the one entry, which runs only
 * once the app's whole code has downloaded; this small chunk runs as soon as it arrives, so
 * the first page's requests travel while the rest downloads. The app's entry imports the same
 * chunk (the same URL, so the browser runs it once). The dev server needs nothing: there the
 * entry's first import starts the requests.
 */
export function earlyScript(root: string, entry: string): Plugin {
  const name = 'early';
  let base = '/';
  return {
    name: 'cluster-console:early-script',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          input: { index: path.join(root, 'index.html'), [name]: path.join(root, entry) },
        },
      },
    }),
    configResolved: (config) => {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) => {
        const chunk = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.isEntry && output.name === name,
        );
        if (chunk === undefined) throw new Error(`the ${entry} chunk is missing from the build`);
        return [
          {
            tag: 'script',
            // async: it runs as soon as it arrives, not in turn after the page's stylesheet and
            // other scripts.
            attrs: {
              type: 'module',
              async: true,
              crossorigin: true,
              src: `${base}${chunk.fileName}`,
            },
            // After <base href>, which its relative URL is resolved against.
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

// The BFF the dev server forwards to; the SPA itself only ever talks to its own origin.
const bff = 'http://127.0.0.1:3000';

export default defineConfig({
  root: here,
  plugins: [react(), earlyScript(here, 'src/early.ts')],
  // Relative asset URLs: the BFF serves one build under any base path, writing it into
  // index.html's <base href> (apps/bff/src/static/spa.router.ts).
  base: './',
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    // Every browser the console supports preloads modules natively.
    modulePreload: { polyfill: false },
    // Keeps the initial download for /clusters small: the wizard, YAML and kubeconfig
    // inspection live in lazy route chunks (see src/app/router.tsx).
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      treeshake: {
        // packages/shared and yaml have no import-time side effects: importing one helper from
        // the shared barrel must not drag YAML parsing and every schema into the list page.
        // A feature's index.ts only re-exports (features reach each other through it, see
        // eslint/layering.js): the list page's StatusCell must not bring the wizard's
        // SaveProgress along.
        moduleSideEffects: (id: string) =>
          !/[\\/](packages[\\/]shared[\\/]src|node_modules[\\/](\.pnpm[\\/])?(yaml|zod)@?)/.test(
            id,
          ) && !/[\\/]src[\\/]features[\\/][^\\/]+[\\/]index\.ts$/.test(id),
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: bff, changeOrigin: false },
      '/auth': { target: bff, changeOrigin: false },
    },
  },
});
