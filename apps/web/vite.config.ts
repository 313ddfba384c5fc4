import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
// The BFF the dev server forwards to; the SPA itself only ever talks to its own origin.
const bff = 'http://127.0.0.1:3000';

export default defineConfig({
  root: here,
  plugins: [react()],
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
        moduleSideEffects: (id: string) =>
          !/[\\/](packages[\\/]shared[\\/]src|node_modules[\\/](\.pnpm[\\/])?(yaml|zod)@?)/.test(
            id,
          ),
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
