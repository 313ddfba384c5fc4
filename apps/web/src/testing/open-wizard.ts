import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { Cluster } from '@cluster-console/shared';
import { hostCluster, server, serveConsole } from './msw-server';
import { renderApp } from './render-app';

/** The whole app at the wizard's first step, the BFF saying the Nautes API is v0.3. */
export async function openWizard(clusters: Cluster[] = [hostCluster]) {
  serveConsole(clusters);
  server.use(
    http.get('/api/console/nautes-api', () =>
      HttpResponse.json({ version: 'v0.3', source: 'configured', message: '' }),
    ),
  );
  const app = renderApp('/clusters/new');
  // The first render loads the lazy route chunk: slow on a loaded machine.
  await screen.findByRole('heading', { name: /Step 1 of 4/ }, { timeout: 15_000 });
  return app;
}
