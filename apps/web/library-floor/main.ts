/**
 * The floor under `web.initial_js_gzip_kb` (bench/web.bench.ts): a page that starts only the
 * libraries the list page is built on and issue 15 keeps (React and its DOM renderer, the data
 * router, react-query, i18next with its React binding, the row virtualiser) and uses each the
 * way the console does, so the bundler keeps what the console's own first screen keeps. No
 * console code: what this weighs, gzipped, no first screen built on these libraries can go under.
 * Plain createElement, so it builds with Vite's defaults (no plugin, no config).
 */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import i18next from 'i18next';
import { createElement as h, StrictMode, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next, useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, RouterProvider, useSearchParams } from 'react-router';

function List() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const rows = useQuery({
    queryKey: ['rows'],
    queryFn: async () => ((await (await fetch('rows')).json()) as string[]) ?? [],
  });
  const scroller = useRef<HTMLDivElement>(null);
  const items = rows.data ?? [];
  // As in the console's table: the compiler cannot memoize around the virtualizer.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 40,
  });
  return h(
    'div',
    { ref: scroller },
    h('h1', null, t('title', { q: params.get('q') })),
    virtualizer
      .getVirtualItems()
      .map((row) => h(Link, { key: row.key, to: `/rows/${items[row.index] ?? ''}` }, row.index)),
  );
}

void i18next
  .use(initReactI18next)
  .init({ lng: 'en', resources: { en: { translation: { title: 'Rows {{q}}' } } } })
  .then(() => {
    const router = createBrowserRouter([{ path: '/', Component: List }]);
    const root = document.getElementById('root');
    if (root === null) throw new Error('no #root');
    createRoot(root).render(
      h(
        StrictMode,
        null,
        h(QueryClientProvider, { client: new QueryClient() }, h(RouterProvider, { router })),
      ),
    );
  });
