import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitLabRepositoryClient } from './gitlab-repository.client';
import {
  HistoryClientGoneError,
  HistoryDeadlineError,
  HistoryTooLargeError,
  PageLimits,
} from './history-limits';

/**
 * The page's bounds on real HTTP: a loopback GitLab stand-in that answers as told (hangs, or
 * sends more than the caps), since the local GitLab cannot be made slow or huge on demand.
 */
type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;
let gitlab: Server;
let gitlabUrl: string;
let behaviour: Behaviour = (_req, res) => res.end('');
const closedRequests: string[] = [];

// A fresh stand-in per test: a cancelled or cut answer must leave no pooled socket behind.
beforeEach(async () => {
  gitlab = createServer((req, res) => {
    req.on('close', () => closedRequests.push(req.url ?? ''));
    behaviour(req, res);
  });
  await new Promise<void>((resolve) => gitlab.listen(0, '127.0.0.1', resolve));
  gitlabUrl = `http://127.0.0.1:${(gitlab.address() as AddressInfo).port}`;
});

afterEach(async () => {
  gitlab.closeAllConnections();
  await new Promise((resolve) => gitlab.close(resolve));
});

const BYTES = { maxResponseBytes: 64 * 1024, maxPageBytes: 100 * 1024 };

function client(page: PageLimits): GitLabRepositoryClient {
  return new GitLabRepositoryClient(
    { gitlabUrl, project: 'nautes/tenant-config', timeoutMs: 10_000 },
    'token',
    page,
  );
}

describe('PageLimits on GitLab requests', () => {
  it('when GitLab does not answer, then the page ends at its deadline, not at GITLAB_TIMEOUT', async () => {
    behaviour = () => undefined; // never answers
    const page = new PageLimits(BYTES, 300);
    const started = Date.now();
    await expect(client(page).rawFile('a.yaml', 'abc')).rejects.toBeInstanceOf(
      HistoryDeadlineError,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    page.end();
  });

  it('when an answer is larger than the per-answer cap, then reading stops with HistoryTooLargeError', async () => {
    behaviour = (_req, res) => {
      // Chunked, no Content-Length: the cap must hold while reading.
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const chunk = 'x'.repeat(16 * 1024);
      for (let index = 0; index < 16; index += 1) res.write(chunk);
      res.end();
    };
    const page = new PageLimits(BYTES, 5_000);
    const error = await client(page)
      .rawFile('a.yaml', 'abc')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HistoryTooLargeError);
    expect(error).toMatchObject({ scope: 'response', limitBytes: 64 * 1024 });
    expect(page.bytesRead).toBeLessThanOrEqual(64 * 1024);
    page.end();
  });

  it('when a declared Content-Length is above the cap, then nothing is read', async () => {
    behaviour = (_req, res) => {
      res.writeHead(200, { 'Content-Length': String(1024 * 1024) });
      res.write('x'.repeat(1024));
    };
    const page = new PageLimits(BYTES, 5_000);
    await expect(client(page).rawFile('a.yaml', 'abc')).rejects.toMatchObject({
      scope: 'response',
    });
    expect(page.bytesRead).toBe(0);
    page.end();
  });

  it('when the answers of one page add up past the page cap, then the page fails', async () => {
    behaviour = (_req, res) => res.end('y'.repeat(40 * 1024));
    const page = new PageLimits(BYTES, 5_000);
    const gitlabClient = client(page);
    await gitlabClient.rawFile('a.yaml', '1');
    await gitlabClient.rawFile('a.yaml', '2');
    await expect(gitlabClient.rawFile('a.yaml', '3')).rejects.toMatchObject({
      scope: 'page',
      limitBytes: 100 * 1024,
    });
    expect(page.requests).toBe(3);
    page.end();
  });

  it('when the browser closes the connection, then the GitLab request in flight is cancelled', async () => {
    let gitlabHasIt = false;
    behaviour = () => {
      gitlabHasIt = true; // and never answers
    };
    closedRequests.length = 0;
    let outcome: Promise<unknown> = Promise.resolve();
    const bff = createServer((_req, res) => {
      const page = new PageLimits(BYTES, 30_000).watch(res);
      outcome = client(page)
        .rawFile('a.yaml', 'gone')
        .catch((caught: unknown) => caught);
    });
    await new Promise<void>((resolve) => bff.listen(0, '127.0.0.1', resolve));
    const port = (bff.address() as AddressInfo).port;
    const browser = request({ host: '127.0.0.1', port, path: '/history' });
    browser.on('error', () => undefined);
    browser.end();
    await waitFor(() => gitlabHasIt);
    browser.destroy();
    expect(await outcome).toBeInstanceOf(HistoryClientGoneError);
    await waitFor(() => closedRequests.some((url) => url.includes('ref=gone')));
    bff.closeAllConnections();
    await new Promise((resolve) => bff.close(resolve));
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
