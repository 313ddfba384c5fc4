import { createBrowserRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { basePath } from '../lib/base-path';
import { loadTextPart } from '../lib/i18n';
import { AppLayout } from './routes/app-layout';
import { RouteError } from './routes/route-error';

/**
 * The live status's code and words, asked for beside a page's own code on every page that shows
 * a status (the list, a cluster, and the page after Save of the wizard and of an edit), so a
 * status never waits for a download after its page renders. Not awaited: the page does not wait.
 */
function preloadStatusStreamCode(): void {
  void import('../features/cluster-status/lib/status-stream').then((stream) =>
    stream.loadStatusStreamCode(),
  );
}

/**
 * Every page is its own chunk: the list loads without the wizard, YAML or kubeconfig code.
 * Exported for tests, which mount it in a memory router.
 */
export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    lazy: async () => {
      const [route] = await Promise.all([import('./routes/sign-in'), loadTextPart('signIn')]);
      return { Component: route.SignInRoute };
    },
    errorElement: <RouteError />,
  },
  {
    // The sign-in window's landing page: tells the console's other windows, then closes.
    path: '/signed-in',
    lazy: async () => ({ Component: (await import('./routes/signed-in')).SignedInRoute }),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/clusters" replace /> },
      {
        path: 'clusters',
        lazy: async () => {
          preloadStatusStreamCode();
          // The history part carries the "Recently deleted" link's words.
          const [route] = await Promise.all([import('./routes/clusters'), loadTextPart('history')]);
          return { Component: route.ClustersRoute };
        },
      },
      {
        path: 'deleted-clusters',
        lazy: async () => {
          const [route] = await Promise.all([
            import('./routes/deleted-clusters'),
            loadTextPart('history'),
          ]);
          return { Component: route.DeletedClustersRoute };
        },
      },
      {
        path: 'deleted-clusters/:name',
        lazy: async () => {
          const [route] = await Promise.all([
            import('./routes/deleted-cluster-history'),
            loadTextPart('history'),
          ]);
          return { Component: route.DeletedClusterHistoryRoute };
        },
      },
      {
        path: 'clusters/new',
        lazy: async () => {
          preloadStatusStreamCode();
          const [route] = await Promise.all([
            import('./routes/cluster-new'),
            loadTextPart('wizard'),
            loadTextPart('batch'),
          ]);
          return { Component: route.ClusterNewRoute };
        },
      },
      {
        path: 'clusters/:name',
        lazy: async () => {
          preloadStatusStreamCode();
          const [route] = await Promise.all([
            import('./routes/cluster-detail'),
            loadTextPart('detail'),
            loadTextPart('history'),
          ]);
          return { Component: route.ClusterDetailRoute };
        },
      },
      {
        path: 'clusters/:name/edit',
        lazy: async () => {
          preloadStatusStreamCode();
          const [route] = await Promise.all([
            import('./routes/cluster-edit'),
            loadTextPart('wizard'),
          ]);
          return { Component: route.ClusterEditRoute };
        },
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('./routes/not-found')).NotFoundRoute }),
      },
    ],
  },
];

/** Created before the first render, so the first page's chunk loads while the language does. */
export function createAppRouter() {
  // Under a base path (`<base href="/console/">`) every route and link is inside it.
  return createBrowserRouter(routes, basePath ? { basename: basePath } : undefined);
}

export function AppRouter({ router }: { router: ReturnType<typeof createAppRouter> }) {
  return <RouterProvider router={router} />;
}
