/**
 * A small KV secret store with Vault's logical layout (`<mount>/<path>`, a map of keys), kept
 * as one file per secret under `<DATA_DIR>/secrets`, each encrypted with AES-256-GCM. The
 * logical path is the additional authenticated data, so a file moved to another path does not
 * decrypt. Files are written atomically (temporary file + rename) with mode 0600.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../tenant-repo/atomic-write';

export interface SecretLocation {
  mount: string;
  path: string;
}

const SEGMENT = /^[a-z0-9]([-a-z0-9_.]*[a-z0-9])?$/i;

const EncryptedFileSchema = z.object({
  v: z.literal(1),
  alg: z.literal('A256GCM'),
  iv: z.string(),
  tag: z.string(),
  ct: z.string(),
});

const SecretDataSchema = z.record(z.string(), z.string());
export type SecretData = z.infer<typeof SecretDataSchema>;

/** The file's exact bytes, to put back if a later step fails (undefined: there was none). */
export type SecretSnapshot = Buffer | undefined;

export class SecretStore {
  constructor(
    private readonly root: string,
    private readonly key: Buffer,
  ) {
    if (key.length !== 32) throw new Error('the secret store needs a 32-byte key');
  }

  async get(location: SecretLocation): Promise<SecretData | undefined> {
    const raw = await this.read(location);
    if (raw === undefined) return undefined;
    const file = EncryptedFileSchema.parse(JSON.parse(raw.toString('utf8')));
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(file.iv, 'base64'));
    decipher.setAAD(Buffer.from(logicalPath(location), 'utf8'));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(file.ct, 'base64')),
      decipher.final(),
    ]);
    return SecretDataSchema.parse(JSON.parse(plain.toString('utf8')));
  }

  async put(location: SecretLocation, data: SecretData): Promise<void> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(logicalPath(location), 'utf8'));
    const ct = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    const file = {
      v: 1,
      alg: 'A256GCM',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ct: ct.toString('base64'),
    };
    await writeFileAtomic(this.fileOf(location), JSON.stringify(file), {
      mode: 0o600,
      dirMode: 0o700,
      fsync: true,
    });
  }

  async delete(location: SecretLocation): Promise<void> {
    const file = this.fileOf(location);
    await rm(file, { force: true });
    await this.pruneEmptyDirs(path.dirname(file));
  }

  /**
   * The file's exact bytes, taken at the start of a change so that `restore` can undo it
   * (a journaling store also records it, to undo the change after a crash).
   */
  snapshot(location: SecretLocation): Promise<SecretSnapshot> {
    return this.read(location);
  }

  protected async read(location: SecretLocation): Promise<SecretSnapshot> {
    try {
      return await readFile(this.fileOf(location));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Puts back exactly what `snapshot` returned. */
  async restore(location: SecretLocation, snapshot: SecretSnapshot): Promise<void> {
    if (snapshot === undefined) await this.delete(location);
    else
      await writeFileAtomic(this.fileOf(location), snapshot, {
        mode: 0o600,
        dirMode: 0o700,
        fsync: true,
      });
  }

  protected fileOf(location: SecretLocation): string {
    const segments = [location.mount, ...location.path.split('/')];
    if (!segments.every((segment) => SEGMENT.test(segment)))
      throw new Error('invalid secret location');
    return `${path.join(this.root, ...segments)}.secret.json`;
  }

  protected async pruneEmptyDirs(dir: string): Promise<void> {
    let current = dir;
    while (current.startsWith(this.root + path.sep)) {
      try {
        await rmdir(current);
      } catch {
        return; // not empty (or gone): stop
      }
      current = path.dirname(current);
    }
  }
}

function logicalPath(location: SecretLocation): string {
  return `${location.mount}/${location.path}`;
}
