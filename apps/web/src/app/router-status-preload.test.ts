import type { RouteObject } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

/** The route at `path` (nested paths as written in router.tsx), from a fresh module graph. */
async function freshRoute(path: string) {
  vi.resetModules();
  const [{ routes }, { i18n, initI18n }] = await Promise.all([
    import('./router'),
    import('../lib/i18n'),
  ]);
  await initI18n('en');
  const all = (list: RouteObject[]): RouteObject[] =>
    list.flatMap((route) => [route, ...all(route.children ?? [])]);
  const route = all(routes).find((candidate) => candidate.path === path);
  if (typeof route?.lazy !== 'function') throw new Error(`no lazy route ${path}`);
  return { lazy: route.lazy, i18n };
}

describe('router: the live status comes with the pages that show one', () => {
  it.each(['clusters', 'clusters/new', 'clusters/:name', 'clusters/:name/edit'])(
    'when the %s page loads, then the status code and words load beside it, so the page after Save shows its progress without a download',
    async (path) => {
      const { lazy, i18n } = await freshRoute(path);
      await lazy();
      await vi.waitFor(() => expect(i18n.exists('status.states.ready')).toBe(true), {
        timeout: 5_000,
      });
    },
  );

  it('when a page without a status loads (Recently deleted), then its words stay unloaded', async () => {
    const { lazy, i18n } = await freshRoute('deleted-clusters');
    await lazy();
    // Long enough for a preload started with the page to have finished (the others take ms).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(i18n.exists('status.states.ready')).toBe(false);
  });
});
