import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { AppProvider } from '../app/provider';
import { routes } from '../app/router';
import { createQueryClient } from '../lib/query-client';
import { rendered } from './rendered-apps';

/** The whole app (real routes, query client and i18n) at one path, in a memory router. */
export function renderApp(path: string) {
  const navigation = {
    toSignInPage: vi.fn<(url: string) => void>(),
    toLogin: vi.fn<(url: string) => void>(),
  };
  const queryClient = createQueryClient(navigation);
  rendered.add(queryClient);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, user, router, navigation, queryClient };
}
