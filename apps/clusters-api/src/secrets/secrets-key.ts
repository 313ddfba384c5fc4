import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const SECRETS_KEY_FILE = 'secrets.key';

/**
 * The AES-256 key: `SECRETS_KEY` when configured, otherwise a random key generated once into
 * the data directory (mode 0600) and reused on every later start.
 */
export async function loadSecretsKey(
  dataDir: string,
  configured: Buffer | undefined,
): Promise<Buffer> {
  if (configured) return configured;
  const file = path.join(dataDir, SECRETS_KEY_FILE);
  await mkdir(dataDir, { recursive: true });
  try {
    // 'wx': exactly one of two processes starting at once creates the key.
    await writeFile(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  await chmod(file, 0o600);
  const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a base64 AES-256 key (32 bytes)`);
  return key;
}
