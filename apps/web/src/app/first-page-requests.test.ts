import { CLUSTERS_API_PATH } from '@cluster-console/shared';
import { describe, expect, it } from 'vitest';
import { firstPageRequests } from './first-page-requests';

describe('firstPageRequests', () => {
  it.each([
    ['/clusters', ['/auth/session', CLUSTERS_API_PATH]],
    ['/clusters/', ['/auth/session', CLUSTERS_API_PATH]],
    ['/', ['/auth/session']],
    ['/clusters/new', ['/auth/session']],
    ['/clusters/host-1', ['/auth/session']],
    ['/deleted-clusters', ['/auth/session']],
    ['/signed-in', ['/auth/session']],
    ['/sign-in', []],
  ])('at %s, then the page starts with %j', (pathname, expected) => {
    expect(firstPageRequests(pathname)).toEqual(expected);
  });
});
