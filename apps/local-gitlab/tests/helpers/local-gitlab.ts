import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startServer } from '../../src/server';

export interface TestGitlab {
  url: string;
  issuer: string;
  dataDir: string;
  config: Config;
  stop(): Promise<void>;
}

/** The real local GitLab in-process on an ephemeral port with a fresh data directory. */
export async function startTestGitlab(
  env: Record<string, string> = {},
  options: { dataDir?: string } = {},
): Promise<TestGitlab> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'local-gitlab-test-')));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const running = await startServer(config, createLogger(config.logLevel));
  return {
    url: running.url,
    issuer: running.issuer,
    dataDir,
    config,
    stop: async () => {
      await running.close();
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
