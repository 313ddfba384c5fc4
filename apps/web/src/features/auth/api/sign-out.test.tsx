import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from '../../../lib/api-client';
import { createQueryClient } from '../../../lib/query-client';
import { apiError, server } from '../../../testing/msw-server';
import { useSignOut } from './sign-out';

/** The sign-out hook on a query client whose 401 handling navigates into spies. */
function renderSignOut() {
  const navigation = { toSignInPage: vi.fn<(url: string) => void>(), toLogin: vi.fn() };
  const queryClient = createQueryClient(navigation);
  const onSignedOut = vi.fn();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useSignOut(onSignedOut), { wrapper });
  /** Another call of the page (e.g. the live-status probe) that gets the 401 meanwhile. */
  const otherCall = () =>
    queryClient
      .fetchQuery({ queryKey: ['other'], queryFn: () => apiRequest('/api/other'), retry: false })
      .catch(() => undefined);
  return { result, navigation, onSignedOut, otherCall };
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('sign-out', () => {
  it('when another call gets a 401 while signing out, then the browser is not sent through GitLab’s sign-in (which would sign the user straight back in)', async () => {
    window.history.replaceState(null, '', '/clusters');
    server.use(
      http.post('/auth/logout', async () => {
        await delay(50);
        return new HttpResponse(null, { status: 204 });
      }),
      http.get('/api/other', () => apiError(401, 'UNAUTHENTICATED', 'Sign in again.')),
    );
    const { result, navigation, onSignedOut, otherCall } = renderSignOut();
    act(() => result.current.signOut());
    await otherCall();
    await waitFor(() => expect(onSignedOut).toHaveBeenCalled());
    expect(navigation.toLogin).not.toHaveBeenCalled();
    expect(navigation.toSignInPage).not.toHaveBeenCalled();
  });

  it('when the sign-out fails, then a later 401 is handled as before: through GitLab back to the page', async () => {
    window.history.replaceState(null, '', '/clusters');
    server.use(
      http.post('/auth/logout', () => apiError(502, 'UPSTREAM_UNAVAILABLE', 'Try again.')),
      http.get('/api/other', () => apiError(401, 'UNAUTHENTICATED', 'Sign in again.')),
    );
    const { result, navigation, onSignedOut, otherCall } = renderSignOut();
    act(() => result.current.signOut());
    await waitFor(() => expect(result.current.error?.status).toBe(502));
    await otherCall();
    expect(onSignedOut).not.toHaveBeenCalled();
    expect(navigation.toLogin).toHaveBeenCalledWith(expect.stringContaining('/auth/login'));
  });
});
