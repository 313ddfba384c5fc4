import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStack, type Stack } from '../../scripts/lib/stack';

/**
 * A second whole stack whose embedded clusters API speaks Nautes API v0.4
 * (`NAUTES_API_VERSION=v0.4`), beside the suite's v0.3 one. The BFF is left on `auto`: it
 * learns the generation from the clusters API, as it would in a deployment.
 */
export async function startNautesV04Stack(): Promise<Stack & { remove(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-console-e2e-v04-'));
  const stack = await startStack({ dataDir, env: { clustersApi: { NAUTES_API_VERSION: 'v0.4' } } });
  return {
    ...stack,
    remove: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
