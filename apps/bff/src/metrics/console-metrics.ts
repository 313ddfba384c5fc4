import { CLUSTER_STATES, CONSOLE_CLUSTER_STATUS_STREAM_PATH } from '@cluster-console/shared';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ClusterStatus } from '../cluster-status/cluster-status.service';
import { deriveAll } from '../cluster-status/derive-all';
import { methodLabel, routePattern } from './route-pattern';

/** Called once per answered request (from the request log line's 'close'). */
export type RequestObserver = (
  method: string | undefined,
  path: string,
  status: number,
  elapsedMs: number,
) => void;

export interface ConsoleMetrics {
  registry: Registry;
  observeRequest: RequestObserver;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The BFF's Prometheus metrics, in a registry of its own (not prom-client's global one, so that
 * several apps in one test process do not collide):
 * - `nautes_cluster_state{cluster,state}`: 1 for each cluster's current state, 0 for the others
 *   (every state, so `== 1` and `== 0` alerts both work). Derived at scrape time from the
 *   resources and the Argo CD Application: /metrics has no user token, so Git is not read and
 *   a cluster counts as in Git when Argo CD lists it or its resource exists;
 * - the watch's health (`cluster_console_status_watch_up`, `..._state_age_seconds`), the open
 *   status streams and the streams cut for being too slow;
 * - requests and their latency by method, route pattern (never the URL) and status.
 */
export function createConsoleMetrics(status: ClusterStatus): ConsoleMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const { hub, streams } = status;

  new Gauge({
    name: 'nautes_cluster_state',
    help: 'Each cluster state as the console derives it: 1 for the current state, 0 for the others.',
    labelNames: ['cluster', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const { name, status: derived } of deriveAll(hub, undefined, new Date())) {
        for (const state of CLUSTER_STATES) {
          this.set({ cluster: name, state }, state === derived.state ? 1 : 0);
        }
      }
    },
  });
  new Gauge({
    name: 'cluster_console_status_watch_up',
    help: 'The watch of the tenant management cluster is up (1) or not (0: starting, down or not configured).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.reset();
      const { state } = hub.health();
      this.set({ state }, state === 'up' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'cluster_console_status_watch_state_age_seconds',
    help: 'Seconds since the watch of the management cluster entered its current state.',
    registers: [registry],
    collect() {
      const { since } = hub.health();
      this.set(since ? Math.max(0, (Date.now() - Date.parse(since)) / 1000) : 0);
    },
  });
  new Gauge({
    name: 'cluster_console_status_streams',
    help: 'Live status streams open on this replica.',
    registers: [registry],
    collect() {
      this.set(streams.size);
    },
  });
  new Gauge({
    name: 'cluster_console_status_streams_dropped',
    help: 'Live status streams cut since start because their client could not keep up.',
    registers: [registry],
    collect() {
      this.set(streams.dropped);
    },
  });

  new Gauge({
    name: 'cluster_console_status_fanout_seconds',
    help: 'Time the last change took to be framed and written to every open status stream.',
    registers: [registry],
    collect() {
      this.set(streams.lastFanOutMs / 1000);
    },
  });

  const requests = new Counter({
    name: 'cluster_console_http_requests_total',
    help: 'Requests answered by the BFF, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'cluster_console_http_request_duration_seconds',
    help: 'Time from request to the end of the answer, by method and route pattern (status streams left out: they last as long as the page is open).',
    labelNames: ['method', 'route'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  // One child per label set, found by a string key: no label hashing per request.
  const counters = new Map<string, ReturnType<typeof requests.labels>>();
  const timers = new Map<string, ReturnType<typeof latency.labels>>();
  const observeRequest: RequestObserver = (rawMethod, path, status, elapsedMs) => {
    const method = methodLabel(rawMethod);
    const route = routePattern(path);
    const key = `${method} ${route}`;
    const countKey = `${key} ${status}`;
    let counter = counters.get(countKey);
    if (!counter) {
      counter = requests.labels({ method, route, status: String(status) });
      counters.set(countKey, counter);
    }
    counter.inc();
    if (route === CONSOLE_CLUSTER_STATUS_STREAM_PATH) return;
    let timer = timers.get(key);
    if (!timer) {
      timer = latency.labels({ method, route });
      timers.set(key, timer);
    }
    timer.observe(elapsedMs / 1000);
  };
  return { registry, observeRequest };
}
