import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createServices, type Services } from '../../src/services';
import { listenOnFreePort, type ListeningServer } from './listening-server';

export interface TestBff {
  url: string;
  config: Config;
  services: Services;
  /** Every log line the BFF wrote, parsed. */
  logs(): Record<string, unknown>[];
  rawLogs(): string;
  close(): Promise<void>;
}

export interface StartBffOptions {
  /** Environment as the BFF's config.ts reads it (PORT, PUBLIC_URL and a secret are filled in). */
  env?: Record<string, string | undefined>;
  /** A server already listening (its URL was registered at the local GitLab); a new one otherwise. */
  listening?: ListeningServer;
  /** Share another instance's services (same store: the same session seen by two apps). */
  services?: Services;
}

/** The BFF in-process on 127.0.0.1 (real HTTP), with its logs captured. */
export async function startBff(options: StartBffOptions = {}): Promise<TestBff> {
  const listening = options.listening ?? (await listenOnFreePort());
  const config = loadConfig({
    PORT: '0',
    PUBLIC_URL: listening.url,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'info',
    ...options.env,
  });
  let raw = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      raw += chunk.toString('utf8');
      callback();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  const services = options.services ?? (await createServices(config, logger));
  const publicUrl = config.publicUrl ?? listening.url;
  const bff = createApp({ config, publicUrl, logger, services });
  listening.server.on('request', bff.handler);
  return {
    url: listening.url,
    config,
    services,
    rawLogs: () => raw,
    logs: () =>
      raw
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    close: async () => {
      await listening.close();
      bff.close();
      if (!options.services) await services.close();
    },
  };
}
