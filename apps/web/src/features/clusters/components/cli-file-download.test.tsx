import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostCluster, server, serveConsole } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

function serveNautesApi(version: string) {
  server.use(
    http.get('/api/console/nautes-api', () =>
      HttpResponse.json({
        version,
        source: version === 'unknown' ? 'none' : 'server',
        message: '',
      }),
    ),
  );
}

/** The texts handed to object URLs, by the file name the link downloads. */
function captureDownloads(): { name: string; blob: Blob }[] {
  const downloads: { name: string; blob: Blob }[] = [];
  let last: Blob | undefined;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    last = blob;
    return 'blob:cli-file';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (last) downloads.push({ name: this.download, blob: last });
  });
  return downloads;
}

const saved = { create: URL.createObjectURL.bind(URL), revoke: URL.revokeObjectURL.bind(URL) };
afterEach(() => {
  vi.restoreAllMocks();
  URL.createObjectURL = saved.create;
  URL.revokeObjectURL = saved.revoke;
});

describe('Download for the Nautes CLI on the detail page', () => {
  it('when the BFF reports v0.4, then the file is <name>.yaml with componentsList and no kubeconfig', async () => {
    serveConsole([hostCluster]);
    serveNautesApi('v0.4');
    server.use(http.get('/api/v1/clusters/cluster-host', () => HttpResponse.json(hostCluster)));
    const { user } = renderApp('/clusters/cluster-host');
    const downloads = captureDownloads();
    const button = await screen.findByRole(
      'button',
      { name: 'Download for the Nautes CLI' },
      { timeout: 15_000 },
    );
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Nautes API version…' })).not.toBeInTheDocument(),
    );
    await user.click(button);
    // The YAML writer is imported on the click: the file follows a moment later.
    await waitFor(() =>
      expect(downloads.map((download) => download.name)).toEqual(['cluster-host.yaml']),
    );
    const text = await downloads[0]?.blob.text();
    expect(text).toContain('name: cluster-host');
    expect(text).toContain('componentsList:');
    expect(text).toContain('# kubeconfig:');
  });

  it('when the BFF cannot tell, then a small menu lets the user pick v0.3', async () => {
    serveConsole([hostCluster]);
    serveNautesApi('unknown');
    server.use(http.get('/api/v1/clusters/cluster-host', () => HttpResponse.json(hostCluster)));
    const { user } = renderApp('/clusters/cluster-host');
    const downloads = captureDownloads();
    await user.click(
      await screen.findByRole('button', { name: 'Nautes API version…' }, { timeout: 15_000 }),
    );
    await user.click(screen.getByRole('button', { name: 'Download for a v0.3 server' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const text = await downloads[0]?.blob.text();
    expect(text).toContain('traefik:');
    expect(text).not.toContain('componentsList:');
  });
});
