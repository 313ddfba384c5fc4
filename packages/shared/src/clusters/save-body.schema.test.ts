import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateSaveBody } from './save-body.schema';

const seedDir = fileURLToPath(new URL('../../tests/fixtures/seed-requests/', import.meta.url));
const seed = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(seedDir + file, 'utf8')) as Record<string, unknown>;

describe('validateSaveBody with the seed requests', () => {
  it.each(['cluster-host.json', 'cluster-virtual.json', 'cluster-physical.json'])(
    'when %s is sent, then it is valid',
    (file) => {
      const result = validateSaveBody(seed(file));
      expect(result).toMatchObject({ ok: true });
    },
  );
});
