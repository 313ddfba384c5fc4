import { describe, expect, it } from 'vitest';
import { ApiErrorBodySchema } from './api-error.schema';
import { parseApiErrorBody } from './read-api-error-body';

const good = { code: 400, reason: 'VALIDATION_FAILED', message: 'x', metadata: { a: 'b' } };

/** Bodies of every kind a client may get, the contract's and others. */
const BODIES: [string, unknown][] = [
  ['a validation failure', good],
  ["the real server's coarse 500", { code: 500, reason: '', message: 'm', metadata: {} }],
  ['a body with more keys', { ...good, extra: true }],
  ['no code', { reason: 'X', message: 'x', metadata: {} }],
  ['no reason', { code: 400, message: 'x', metadata: {} }],
  ['a message that is not text', { ...good, message: 1 }],
  ['a fractional code', { ...good, code: 400.5 }],
  ['a code past the safe integers', { ...good, code: 2 ** 60 }],
  ['a string code', { ...good, code: '400' }],
  ['metadata with a number', { ...good, metadata: { a: 1 } }],
  ['metadata that is a list', { ...good, metadata: ['a'] }],
  ['metadata that is null', { ...good, metadata: null }],
  ['a list', [good]],
  ['null', null],
  ['HTML from a proxy', '<html>Bad gateway</html>'],
  ['a number', 502],
];

describe('parseApiErrorBody', () => {
  it.each(BODIES)(
    'when the body is %s, then it reads it exactly as ApiErrorBodySchema does',
    (_name, body) => {
      const schema = ApiErrorBodySchema.safeParse(body);
      expect(parseApiErrorBody(body)).toEqual(schema.success ? schema.data : undefined);
    },
  );

  it('when the body has no metadata, then it reads as one with none (the schema, for what we send, requires it)', () => {
    const body = { code: 401, reason: 'UNAUTHENTICATED', message: 'Sign in first.' };
    expect(parseApiErrorBody(body)).toEqual({ ...body, metadata: {} });
    expect(ApiErrorBodySchema.safeParse(body).success).toBe(false);
  });

  it('when the body has more keys, then only the contract’s come out, metadata copied', () => {
    const body = { ...good, extra: true };
    const read = parseApiErrorBody(body);
    expect(read).toEqual(good);
    expect(read?.metadata).not.toBe(body.metadata);
  });
});
