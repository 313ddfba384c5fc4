import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { changeLanguage, initI18n } from '../lib/i18n';
import { server } from './msw-server';
import { stopRenderedApps } from './rendered-apps';

// A page's first render waits for its lazily loaded module and translations; with the unit
// tests, browser journeys and static checks sharing two cores, that can take over the default
// one second. A wait that fails still fails, only later.
configure({ asyncUtilTimeout: 5_000 });

await initI18n('en');
// A worker runs many files (isolate: false): a file that switched to Chinese must not leave it.
await changeLanguage('en');
// Only the base texts: each page loads its own part, as in the browser (a missing one shows up as a key).

// Node's fetch does not resolve relative URLs; the browser resolves them against the page.
// Once per worker: this file runs before every test file, in a worker that keeps its globals
// (isolate: false in vitest.config.ts).
const relativeFetch = Symbol.for('cluster-console.relative-fetch');
if (!(relativeFetch in globalThis.fetch)) {
  const nodeFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = Object.assign(
    (input: RequestInfo | URL, init?: RequestInit) =>
      nodeFetch(
        typeof input === 'string' && input.startsWith('/')
          ? new URL(input, window.location.origin)
          : input,
        init,
      ),
    { [relativeFetch]: true },
  );
}

// jsdom lays nothing out: give elements a size so the virtualized table renders its rows.
Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: { configurable: true, get: () => 800 },
  offsetWidth: { configurable: true, get: () => 1200 },
  clientHeight: { configurable: true, get: () => 800 },
  clientWidth: { configurable: true, get: () => 1200 },
});
HTMLElement.prototype.getBoundingClientRect = function getBoundingClientRect() {
  return {
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    bottom: 800,
    right: 1200,
    width: 1200,
    height: 800,
    toJSON: () => ({}),
  };
};
HTMLElement.prototype.scrollTo = function scrollTo() {};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  stopRenderedApps();
  server.resetHandlers();
  window.localStorage.clear();
});
afterAll(() => server.close());
