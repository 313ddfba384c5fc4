import https from 'node:https';
import type { LocalKube } from '../../src';

export interface Call {
  method?: string;
  path: string;
  token?: string;
  /** A certificate user's name (its client certificate is presented). */
  user?: string;
  body?: unknown;
  contentType?: string;
  accept?: string;
}

export interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: Record<string, unknown>;
}

/** One HTTPS request to the stand-in, trusting its CA, with a token or a client certificate. */
export function kubeCall(kube: LocalKube, options: Call): Promise<Answer> {
  const certificate = options.user ? kube.credentials[options.user]?.certificate : undefined;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: kube.port,
        path: options.path,
        method: options.method ?? 'GET',
        ca: kube.authority.certPem,
        cert: certificate?.certPem,
        key: certificate?.keyPem,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(body ? { 'content-type': options.contentType ?? 'application/json' } : {}),
          ...(options.accept ? { accept: options.accept } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface WatchLine {
  type: string;
  object: Record<string, unknown> & { metadata?: { name?: string; resourceVersion?: string } };
}

/** A raw watch: the events as they arrive, and whether the server ended the stream. */
export interface RawWatch {
  status: number;
  events: WatchLine[];
  ended: Promise<void>;
  /** Resolves once `count` events have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<WatchLine[]>;
  abort(): void;
}

export function rawWatch(kube: LocalKube, path: string, token: string): Promise<RawWatch> {
  return new Promise((resolve, reject) => {
    const events: WatchLine[] = [];
    const waiters: (() => void)[] = [];
    const req = https.request(
      {
        host: '127.0.0.1',
        port: kube.port,
        path,
        ca: kube.authority.certPem,
        headers: { authorization: `Bearer ${token}` },
      },
      (res) => {
        let pending = '';
        res.setEncoding('utf8');
        const ended = new Promise<void>((done) => res.on('end', () => done()));
        res.on('data', (chunk: string) => {
          pending += chunk;
          const lines = pending.split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) if (line) events.push(JSON.parse(line) as WatchLine);
          waiters.splice(0).forEach((wake) => wake());
        });
        resolve({
          status: res.statusCode ?? 0,
          events,
          ended,
          abort: () => req.destroy(),
          waitFor: (count, timeoutMs = 5000) =>
            new Promise((done, fail) => {
              const timer = setTimeout(
                () =>
                  fail(
                    new Error(
                      `only ${events.length} of ${count} events: ${JSON.stringify(events)}`,
                    ),
                  ),
                timeoutMs,
              );
              const check = () => {
                if (events.length >= count) {
                  clearTimeout(timer);
                  done(events.slice(0, count));
                } else waiters.push(check);
              };
              check();
            }),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export const CLUSTERS_PATH = '/apis/nautes.resource.nautes.io/v1alpha1/namespaces/nautes/clusters';

export const clusterObject = (
  name: string,
  spec: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) => ({
  apiVersion: 'nautes.resource.nautes.io/v1alpha1',
  kind: 'Cluster',
  metadata: { name, namespace: 'nautes', ...extra },
  spec: {
    apiServer: `https://${name}.example.test:6443`,
    clusterKind: 'kubernetes',
    clusterType: 'physical',
    usage: 'host',
    ...spec,
  },
});
