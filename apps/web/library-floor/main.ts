/**
 * The floors under `web.initial_js_gzip_kb` and `web.list_first_render_ms` (bench/web.bench.ts):
 * a page that starts only the libraries the list page is built on and issue 15 keeps (React and
 * its DOM renderer, the data router, react-query, i18next with its React binding, the row
 * virtualiser) and uses each the way the console does, so the bundler keeps what the console's
 * own first screen keeps. No console code: what this weighs, gzipped, and how soon it shows the
 * first row of the same list (`rows.json`: the clusters API's answer, served beside it), no first
 * screen built on these libraries can go under.
 * Plain createElement, so it builds with Vite's defaults (no plugin, no config).
 */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import i18next from 'i18next';
import { createElement as h, StrictMode, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next, useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, RouterProvider, useSearchParams } from 'react-router';

// Asked for as the page starts, as the console's early script asks for the list.
const rowsAnswer = fetch('rows.json').then(async (answer) =>
  ((await answer.json()) as { items: { name: string }[] }).items.map((item) => item.name),
);

/** The first screen's shape: a heading and the rows in view of a virtualised table. */
function List() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const rows = useQuery({ queryKey: ['rows'], queryFn: () => rowsAnswer });
  const scroller = useRef<HTMLDivElement>(null);
  const items = rows.data ?? [];
  // As in the console's table: the compiler cannot memoize around the virtualizer.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 40,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });
  return h(
    'div',
    { ref: scroller, style: { height: '100vh', overflow: 'auto' } },
    h('h1', null, t('title', { q: params.get('q') })),
    h(
      'table',
      { className: 'data-table', 'aria-rowcount': items.length + 1 },
      h(
        'tbody',
        null,
        virtualizer
          .getVirtualItems()
          .map((row) =>
            h(
              'tr',
              { key: row.key, 'aria-rowindex': row.index + 2 },
              h('td', null, h(Link, { to: `/rows/${items[row.index] ?? ''}` }, items[row.index])),
            ),
          ),
      ),
    ),
  );
}

void i18next
  .use(initReactI18next)
  .init({ lng: 'en', resources: { en: { translation: { title: 'Rows {{q}}' } } } })
  .then(() => {
    const router = createBrowserRouter([{ path: '*', Component: List }]);
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
