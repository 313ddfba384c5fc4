import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { StatusEvent, StatusHub } from './status-hub';

/** A comment-free keep-alive: proxies close idle streams, and clients learn the server's time. */
export const HEARTBEAT_INTERVAL_MS = 15_000;
/** The `retry:` hint: how long EventSource waits before reconnecting. */
export const RECONNECT_HINT_MS = 3_000;
/** Bytes a stream may have waiting, beyond its snapshot, before it is dropped as too slow. */
export const STREAM_BACKLOG_BYTES = 1024 * 1024;

export interface StatusStreamsOptions {
  heartbeatMs?: number;
  backlogBytes?: number;
  now?: () => Date;
}

interface OpenStream {
  res: ServerResponse;
  /** writableLength above this: the client cannot keep up. */
  limit: number;
}

const frame = (event: StatusEvent): Buffer =>
  Buffer.from(`event: ${event.name}\ndata: ${event.data}\n\n`);

/**
 * The server-sent-events side of live status: every open stream of this process. An event is
 * framed once and the same bytes are written to each stream (no per-stream serialization), so
 * a change reaches hundreds of streams in a few milliseconds. A stream whose unsent bytes grow
 * past its snapshot plus STREAM_BACKLOG_BYTES is cut (its EventSource reconnects and gets a
 * fresh snapshot) instead of holding memory for a client that cannot keep up.
 */
export class StatusStreams {
  private readonly streams = new Set<OpenStream>();
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly heartbeatMs: number;
  private readonly backlogBytes: number;
  private readonly now: () => Date;
  /** Streams cut for being too slow, since start (for /metrics and tests). */
  dropped = 0;
  /** How long the last change took to write to every stream, in ms (for /metrics, the bench). */
  lastFanOutMs = 0;

  constructor(
    private readonly hub: StatusHub,
    private readonly logger: Logger,
    options: StatusStreamsOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? HEARTBEAT_INTERVAL_MS;
    this.backlogBytes = options.backlogBytes ?? STREAM_BACKLOG_BYTES;
    this.now = options.now ?? (() => new Date());
    hub.subscribe((event) => {
      const started = performance.now();
      this.broadcast(frame(event));
      this.lastFanOutMs = performance.now() - started;
    });
  }

  get size(): number {
    return this.streams.size;
  }

  /** Answers one stream request: headers, the reconnect hint, the snapshot, then every event. */
  open(res: ServerResponse): void {
    const snapshot = Buffer.from(
      `retry: ${RECONNECT_HINT_MS}\n\nevent: snapshot\ndata: ${this.hub.snapshotJson(this.now())}\n\n`,
    );
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: no proxy may compress or rewrite it; nginx buffers nothing with the other.
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    const stream: OpenStream = { res, limit: snapshot.length + this.backlogBytes };
    this.streams.add(stream);
    res.on('close', () => this.forget(stream));
    res.write(snapshot);
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => {
        const data = JSON.stringify({ server_time: this.now().toISOString() });
        this.broadcast(frame({ name: 'heartbeat', data }));
      }, this.heartbeatMs);
      this.heartbeat.unref();
    }
  }

  /** Ends every stream (the replica is stopping: the clients reconnect, to another one). */
  endAll(): void {
    for (const stream of this.streams) stream.res.end();
    this.streams.clear();
    this.stopHeartbeat();
  }

  private broadcast(bytes: Buffer): void {
    for (const stream of this.streams) {
      if (stream.res.writableLength + bytes.length > stream.limit) {
        this.drop(stream);
        continue;
      }
      stream.res.write(bytes);
    }
  }

  private drop(stream: OpenStream): void {
    this.forget(stream);
    this.dropped += 1;
    this.logger.warn(
      { event: 'status_stream_dropped', unsentBytes: stream.res.writableLength },
      'a status stream could not keep up and was closed',
    );
    stream.res.destroy();
  }

  private forget(stream: OpenStream): void {
    this.streams.delete(stream);
    if (this.streams.size === 0) this.stopHeartbeat();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}
