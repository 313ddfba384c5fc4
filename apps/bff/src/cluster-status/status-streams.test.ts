import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { StatusSnapshotSchema, type WatchHealth } from '@cluster-console/shared';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openSse, type SseClient } from '../../tests/support/sse-client';
import { StatusHub } from './status-hub';
import { StatusStreams, type StatusStreamsOptions } from './status-streams';

const UP: WatchHealth = { state: 'up', since: '2026-12-07T10:00:00.000Z', message: 'Watching.' };

function cluster(name: string, message = '') {
  return {
    metadata: { name, namespace: 'nautes', resourceVersion: '1' },
    spec: {},
    status: {
      conditions: [{ type: 'SecretStoreReady', status: message ? 'False' : 'True', message }],
    },
  };
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** The streams behind a real HTTP server on 127.0.0.1: every request opens one. */
async function serve(options: StatusStreamsOptions = {}) {
  const hub = new StatusHub(UP, 'nautes');
  hub.upsertCluster(cluster('alpha'));
  const streams = new StatusStreams(hub, pino({ level: 'silent' }), options);
  const server = http.createServer((_req, res) => streams.open(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const clients: SseClient[] = [];
  cleanup.push(async () => {
    for (const client of clients) client.close();
    streams.endAll();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const open = async () => {
    const client = await openSse(url);
    clients.push(client);
    return client;
  };
  return { hub, streams, open };
}

describe('StatusStreams', () => {
  it('when a stream opens, then it gets event-stream headers that forbid buffering and transforms, the retry hint, and the snapshot first', async () => {
    const { open } = await serve();
    const client = await open();
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.headers['cache-control']).toBe('no-cache, no-transform');
    expect(client.headers['x-accel-buffering']).toBe('no');
    expect(client.headers['content-encoding']).toBeUndefined();
    const snapshot = await client.nextEvent('snapshot');
    expect(client.events[0]).toEqual({ event: 'retry', data: '3000' });
    const parsed = StatusSnapshotSchema.parse(JSON.parse(snapshot.data));
    expect(parsed.watch).toEqual(UP);
    expect(parsed.clusters.name).toEqual(['alpha']);
  });

  it('when the hub changes, then every open stream gets the same event, once', async () => {
    const { hub, open, streams } = await serve();
    const clients = await Promise.all(Array.from({ length: 20 }, open));
    await Promise.all(clients.map((client) => client.nextEvent('snapshot')));
    hub.upsertCluster(cluster('beta', 'vault down'));
    hub.deleteCluster('alpha');
    for (const client of clients) {
      const change = JSON.parse((await client.nextEvent('cluster')).data) as {
        name: string;
        digest: { reason: { message?: string } };
      };
      expect(change.name).toBe('beta');
      expect(change.digest.reason.message).toBe('vault down');
      expect(JSON.parse((await client.nextEvent('cluster')).data)).toEqual({
        name: 'alpha',
        digest: null,
      });
    }
    expect(streams.size).toBe(20);
  });

  it('when the watch health changes, then streams get a watch event; an unchanged health sends nothing', async () => {
    const { hub, open } = await serve();
    const client = await open();
    await client.nextEvent('snapshot');
    hub.setHealth(UP);
    const down: WatchHealth = { state: 'down', since: '2026-12-07T10:01:00.000Z', message: '403' };
    hub.setHealth(down);
    expect(JSON.parse((await client.nextEvent('watch')).data)).toEqual(down);
    expect(client.events.filter((event) => event.event === 'watch')).toHaveLength(1);
  });

  it('when streams are open, then a heartbeat comes every interval', async () => {
    const { open } = await serve({ heartbeatMs: 50 });
    const client = await open();
    const beat = JSON.parse((await client.nextEvent('heartbeat')).data) as { server_time: string };
    expect(Date.parse(beat.server_time)).toBeGreaterThan(Date.now() - 5_000);
    await client.nextEvent('heartbeat');
  });

  it('when a client closes its stream, then it is forgotten', async () => {
    const { open, streams } = await serve();
    const client = await open();
    await client.nextEvent('snapshot');
    expect(streams.size).toBe(1);
    client.close();
    await expect.poll(() => streams.size).toBe(0);
  });

  it('when a client stops reading, then its stream is cut once its backlog passes the bound, and the others go on', async () => {
    const { hub, open, streams } = await serve({ backlogBytes: 64 * 1024 });
    const slow = await open();
    const fast = await open();
    await slow.nextEvent('snapshot');
    slow.pause();
    const big = 'x'.repeat(8 * 1024);
    // Far more than the socket buffers and the backlog hold together.
    for (let index = 0; index < 2_000 && streams.size === 2; index += 1) {
      hub.upsertCluster(cluster(`c${index}`, big));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(streams.dropped).toBe(1);
    slow.resume();
    await slow.ended;
    hub.upsertCluster(cluster('after'));
    await expect.poll(() => fast.events.some((event) => event.data.includes('"after"'))).toBe(true);
    expect(streams.size).toBe(1);
  });

  it('when the replica stops, then endAll ends every stream', async () => {
    const { open, streams } = await serve();
    const client = await open();
    await client.nextEvent('snapshot');
    streams.endAll();
    await client.ended;
    expect(streams.size).toBe(0);
  });
});
