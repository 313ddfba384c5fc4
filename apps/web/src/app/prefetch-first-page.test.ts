import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEarlyRequest, takeEarlyResponse } from '../lib/early-requests';
import { createQueryClient } from '../lib/query-client';
import { apiError, hostCluster, maintainer, server } from '../testing/msw-server';
import { firstPageRequests } from './first-page-requests';
import { prefetchFirstPage } from './prefetch-first-page';

const LIST_KEY = ['clusters', 'list'];

/** The page's start as in the browser: early.ts's requests, then main.tsx's prefetch. */
async function startPage(url: string) {
  window.history.replaceState(null, '', url);
  const navigation = { toSignInPage: vi.fn<(url: string) => void>(), toLogin: vi.fn() };
  const queryClient = createQueryClient(navigation);
  for (const path of firstPageRequests(window.location.pathname)) startEarlyRequest(path);
  await prefetchFirstPage(queryClient, window.location.pathname);
  return { queryClient, navigation };
}

/** Counts the requests to each path. */
function counting(handlers: Record<string, () => Response | Promise<Response>>) {
  const counts: Record<string, number> = {};
  server.use(
    ...Object.entries(handlers).map(([path, answer]) =>
      http.get(path, () => {
        counts[path] = (counts[path] ?? 0) + 1;
        return answer();
      }),
    ),
  );
  return counts;
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
  // A test whose page never takes an early answer (no session: the list is not read) must not
  // leave it to a later file's GET of the same path in this worker (isolate: false).
  for (const path of firstPageRequests('/clusters')) void takeEarlyResponse(path);
});

describe('prefetchFirstPage', () => {
  it('when a signed-in user opens the list, then the session, the read list and the Nautes API generation are cached before the page renders, each asked for once', async () => {
    const counts = counting({
      '/auth/session': () => HttpResponse.json(maintainer),
      '/api/v1/clusters': () => HttpResponse.json({ items: [hostCluster] }),
      '/api/console/nautes-api': () =>
        HttpResponse.json({ version: 'v0.4', source: 'server', message: '' }),
    });
    const { queryClient } = await startPage('/clusters');
    expect(queryClient.getQueryData(['session'])).toMatchObject({
      user: { username: 'maintainer' },
    });
    expect(queryClient.getQueryData(LIST_KEY)).toEqual([
      expect.objectContaining({ name: 'cluster-host', generation: 'v0.3' }),
    ]);
    expect(queryClient.getQueryData(['nautes-api'])).toMatchObject({ version: 'v0.4' });
    expect(counts).toEqual({
      '/auth/session': 1,
      '/api/v1/clusters': 1,
      '/api/console/nautes-api': 1,
    });
  });

  it('when nobody is signed in, then the list page leads to the sign-in page with its way back, even if the list says 401 first', async () => {
    counting({
      '/auth/session': async () => {
        await delay(50);
        return apiError(401, 'UNAUTHENTICATED', 'Sign in first.');
      },
      '/api/v1/clusters': () => apiError(401, 'UNAUTHENTICATED', 'Sign in first.'),
    });
    const { queryClient, navigation } = await startPage('/clusters?q=host');
    expect(navigation.toSignInPage).toHaveBeenCalledWith(
      '/sign-in?returnTo=%2Fclusters%3Fq%3Dhost',
    );
    expect(navigation.toLogin).not.toHaveBeenCalled();
    expect(queryClient.getQueryState(LIST_KEY)).toBeUndefined();
  });

  it('when the session check fails otherwise, then the list is not read either (the page shows the error)', async () => {
    counting({
      '/auth/session': () => apiError(503, 'UNAVAILABLE', 'GitLab is not answering.'),
      '/api/v1/clusters': () => HttpResponse.json({ items: [hostCluster] }),
    });
    const { queryClient, navigation } = await startPage('/clusters');
    expect(queryClient.getQueryState(['session'])?.status).toBe('error');
    expect(queryClient.getQueryState(LIST_KEY)).toBeUndefined();
    expect(navigation.toSignInPage).not.toHaveBeenCalled();
  });

  it('when another page opens, then only the session is asked for', async () => {
    const counts = counting({ '/auth/session': () => HttpResponse.json(maintainer) });
    const { queryClient } = await startPage('/clusters/new');
    expect(queryClient.getQueryData(['session'])).toBeDefined();
    expect(queryClient.getQueryState(LIST_KEY)).toBeUndefined();
    expect(counts).toEqual({ '/auth/session': 1 });
  });

  it('when the sign-in page opens, then nothing is asked for', async () => {
    const { queryClient } = await startPage('/sign-in?returnTo=%2Fclusters');
    expect(queryClient.getQueryState(['session'])).toBeUndefined();
  });
});
