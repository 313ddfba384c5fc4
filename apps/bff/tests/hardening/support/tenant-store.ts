/**
 * What the clusters API keeps, read from disk for "nothing changed" and "everything landed"
 * checks: the tenant repository (its head, a fresh clone) and the encrypted secret store
 * (a hash of every file, or each kubeconfig decrypted with the key the test gave the service).
 */
import { execFileSync } from 'node:child_process';
import { createDecipheriv, createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listFilesRecursively } from '../../../../../scripts/lib/test-support';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The remote's main, as `git ls-remote` sees it over the local GitLab's Git HTTP. */
export function remoteHead(gitlabUrl: string, token: string): string {
  const url = new URL('/nautes/tenant-config.git', gitlabUrl);
  url.username = 'oauth2';
  url.password = token;
  const line = git(os.tmpdir(), 'ls-remote', url.href, 'refs/heads/main');
  return line.split('\t')[0] ?? '';
}

/** A fresh clone of the bare tenant repository into a new temporary directory. */
export function cloneTenantRepo(bareRepo: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bff-hardening-clone-'));
  git(os.tmpdir(), 'clone', '--quiet', bareRepo, dir);
  return dir;
}

/** One hash over every file (path and bytes) of the secret store. */
export function secretStoreHash(secretsDir: string): string {
  const hash = createHash('sha256');
  for (const file of listFilesRecursively(secretsDir).sort()) {
    hash.update(path.relative(secretsDir, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

interface EncryptedFile {
  iv: string;
  tag: string;
  ct: string;
}

/**
 * Every stored kubeconfig by cluster name, decrypted as the README describes the format:
 * AES-256-GCM, the logical path `cluster/kubernetes/<name>/default/admin` as associated data.
 */
export function readKubeconfigs(secretsDir: string, key: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const root = path.join(secretsDir, 'cluster', 'kubernetes');
  for (const file of listFilesRecursively(root)) {
    const name = /^([^/]+)\/default\/admin\.secret\.json$/.exec(path.relative(root, file))?.[1];
    if (!name) throw new Error(`unexpected file in the secret store: ${file}`);
    const encrypted = JSON.parse(readFileSync(file, 'utf8')) as EncryptedFile;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(encrypted.iv, 'base64'));
    decipher.setAAD(Buffer.from(`cluster/kubernetes/${name}/default/admin`, 'utf8'));
    decipher.setAuthTag(Buffer.from(encrypted.tag, 'base64'));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(encrypted.ct, 'base64')),
      decipher.final(),
    ]).toString('utf8');
    const data = JSON.parse(plain) as { kubeconfig?: string };
    out.set(name, data.kubeconfig ?? '');
  }
  return out;
}
