import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Copies of ../shared/fixtures/seed-requests, kept in the package so a fresh clone can test.
const seedDir = fileURLToPath(new URL('./fixtures/seed-requests/', import.meta.url));

export const SEED_REQUEST_FILES = [
  'cluster-host.json',
  'cluster-virtual.json',
  'cluster-physical.json',
] as const;

export function seedRequest(file: (typeof SEED_REQUEST_FILES)[number]): Record<string, unknown> {
  return JSON.parse(readFileSync(seedDir + file, 'utf8')) as Record<string, unknown>;
}

export function seedKubeconfig(): string {
  return readFileSync(`${seedDir}kubeconfig-seed.yaml`, 'utf8');
}

/** Browser-style base64 of UTF-8 text, the way a user would paste it. */
export function toBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
