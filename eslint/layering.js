// @ts-check
// The layering of the repository, checked by ESLint instead of remembered:
// - a workspace package (apps/*, packages/*, e2e) is entered only through its package.json
//   `exports`: no other folder imports a file of its src or tests that it does not export;
// - packages/* import no app, not even an app's exports;
// - a web feature (apps/web/src/features/<name>) reaches another feature only through that
//   feature's index.ts;
// - no import cycles (type-only imports do not count: they vanish at build time).
// Paths are checked after resolution, so `../../apps/bff/src/app` and a deep package path are
// caught alike. eslint/layering.test.ts proves each rule fires.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const root = path.resolve(import.meta.dirname, '..');
const FEATURES_DIR = 'apps/web/src/features';
/** Root folders that belong to no workspace package but import them (through their exports). */
const ROOT_FOLDERS = ['bench', 'deploy', 'scripts'];

/** @param {string} dir */
const subfolders = (dir) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
    .map((entry) => `${dir}/${entry.name}`);

const apps = subfolders('apps').filter((dir) => existsSync(path.join(root, dir, 'package.json')));
const packages = subfolders('packages');
const workspacePackages = [...apps, ...packages, 'e2e'];

/**
 * The files a package exports, relative to the package, for no-restricted-paths' `except`.
 * @param {string} dir
 * @returns {string[]}
 */
function exportedFiles(dir) {
  /** @type {{ exports?: string | Record<string, unknown> }} */
  const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
  const exportsField = manifest.exports ?? {};
  const targets = typeof exportsField === 'string' ? [exportsField] : Object.values(exportsField);
  return targets.filter((target) => typeof target === 'string');
}

const packageZones = workspacePackages.map((dir) => ({
  target: [...workspacePackages.filter((other) => other !== dir), ...ROOT_FOLDERS],
  from: dir,
  except: exportedFiles(dir),
  message: `Import ${dir} through its package name and the "exports" of its package.json.`,
}));

const packagesImportNoApp = {
  target: packages,
  from: apps,
  message: 'packages/* are shared by the apps and import none of them.',
};

const features = subfolders(FEATURES_DIR);
const featureZones = features.map((feature) => ({
  target: feature,
  from: features.filter((other) => other !== feature),
  except: ['./index.ts'],
  message: 'A feature reaches another feature only through that feature’s index.ts.',
}));

const ALL_FILES = ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'];

/** @type {import('eslint').Linter.Config[]} */
export default [
  {
    files: ALL_FILES,
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'],
          conditionNames: ['import', 'default'],
        }),
      ],
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: [...packageZones, packagesImportNoApp, ...featureZones] },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
];
