import http from 'node:http';

export interface SseEvent {
  event: string;
  data: string;
}

export interface SseClient {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Every event received so far, in order (and `retry:` lines as event `retry`). */
  events: SseEvent[];
  /** The next event named `name` not yet taken by nextEvent (waits up to `timeoutMs`). */
  nextEvent(name: string, timeoutMs?: number): Promise<SseEvent>;
  /** Stops reading (the socket's buffers fill: a slow client). */
  pause(): void;
  /** Reads again (a paused socket does not notice the server closing it). */
  resume(): void;
  /** Resolves when the server ends or cuts the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * A server-sent-events client over plain HTTP (as EventSource reads it: `event:`, `data:`,
 * `retry:` lines, a blank line ends an event). Resolves once the response's headers are in; a
 * non-200 answer's body is its one `data` event, named `error`.
 */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, {
      headers: { accept: 'text/event-stream', ...headers },
      agent: false,
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const events: SseEvent[] = [];
      const taken = new Set<number>();
      const waiters: (() => void)[] = [];
      let buffer = '';
      let current: { event: string; data: string[] } = { event: 'message', data: [] };
      let endResolve: () => void = () => undefined;
      const ended = new Promise<void>((done) => {
        endResolve = done;
      });
      const wake = () => {
        for (const waiter of waiters.splice(0)) waiter();
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (res.statusCode !== 200) {
          buffer += chunk;
          return;
        }
        buffer += chunk;
        let newline = buffer.indexOf('\n');
        while (newline !== -1) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (line === '') {
            if (current.data.length > 0) {
              events.push({ event: current.event, data: current.data.join('\n') });
            }
            current = { event: 'message', data: [] };
          } else if (line.startsWith('event: ')) current.event = line.slice(7);
          else if (line.startsWith('data: ')) current.data.push(line.slice(6));
          else if (line.startsWith('retry: ')) events.push({ event: 'retry', data: line.slice(7) });
          newline = buffer.indexOf('\n');
        }
        wake();
      });
      let isEnded = false;
      const finish = () => {
        if (isEnded) return;
        isEnded = true;
        if (res.statusCode !== 200) events.push({ event: 'error', data: buffer });
        endResolve();
        wake();
      };
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        ended,
        pause: () => res.pause(),
        resume: () => res.resume(),
        close: () => req.destroy(),
        nextEvent: (name, timeoutMs = 5_000) =>
          new Promise((found, fail) => {
            const timer = setTimeout(
              () => fail(new Error(`no "${name}" event within ${timeoutMs} ms`)),
              timeoutMs,
            );
            const look = () => {
              const index = events.findIndex(
                (event, position) => event.event === name && !taken.has(position),
              );
              if (index !== -1) {
                taken.add(index);
                clearTimeout(timer);
                found(events[index] as SseEvent);
                return;
              }
              if (isEnded) {
                clearTimeout(timer);
                fail(new Error(`the stream ended before a "${name}" event`));
                return;
              }
              waiters.push(look);
            };
            look();
          }),
      });
    });
  });
}
