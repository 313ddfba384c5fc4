import http from 'node:http';

export interface TimedResponse {
  status: number;
  body: string;
  /** From sending the request to the last byte of the answer, in milliseconds. */
  ms: number;
}

/** One keep-alive connection pool per benchmark: latency without TCP set-up in every sample. */
export function createHttpClient() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

  function request(
    url: string,
    options: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<TimedResponse> {
    const target = new URL(url);
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          method: options.method ?? 'GET',
          headers: options.body
            ? { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) }
            : options.headers,
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: Number(process.hrtime.bigint() - started) / 1e6,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  }

  return { request, close: () => agent.destroy() };
}

export type HttpClient = ReturnType<typeof createHttpClient>;

/** Throws with the answer when the status is not the expected one (a benchmark of errors is worthless). */
export function expectStatus(response: TimedResponse, status: number, what: string): void {
  if (response.status !== status) {
    throw new Error(
      `${what}: expected HTTP ${status}, got ${response.status}: ${response.body.slice(0, 300)}`,
    );
  }
}
