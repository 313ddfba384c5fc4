import { describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, ErrorReason, apiErrorBody } from './api-error.schema';
import { parseApiErrorBody } from './read-api-error-body';

describe('apiErrorBody', () => {
  it('when no metadata is given, then the body still has an empty metadata object', () => {
    expect(apiErrorBody(404, ErrorReason.RESOURCE_NOT_FOUND, 'Cluster c1 not found')).toEqual({
      code: 404,
      reason: 'RESOURCE_NOT_FOUND',
      message: 'Cluster c1 not found',
      metadata: {},
    });
  });

  it('when metadata is given, then it is copied, not shared', () => {
    const metadata = { cluster: 'c1' };
    const body = apiErrorBody(409, ErrorReason.RESOURCE_IN_USE, 'in use', metadata);
    metadata.cluster = 'changed';
    expect(body.metadata).toEqual({ cluster: 'c1' });
    expect(ApiErrorBodySchema.parse(body)).toEqual(body);
  });

  it('has every reason of the contract', () => {
    expect(Object.values(ErrorReason).sort()).toEqual(
      [
        'CONFLICT',
        'CSRF_REJECTED',
        'INTERNAL',
        'NOT_FOUND',
        'NO_AUTHORIZATION',
        'PAYLOAD_TOO_LARGE',
        'RATE_LIMITED',
        'RESOURCE_IN_USE',
        'RESOURCE_NOT_FOUND',
        'UNAUTHENTICATED',
        'UPSTREAM_UNAVAILABLE',
        'VALIDATION_FAILED',
      ].sort(),
    );
  });
});

describe('parseApiErrorBody', () => {
  it.each([
    {
      name: "the real server's coarse 500",
      input: { code: 500, reason: '', message: 'cluster not found', metadata: {} },
      ok: true,
    },
    {
      name: 'a validation failure',
      input: {
        code: 400,
        reason: 'VALIDATION_FAILED',
        message: 'x',
        metadata: { kubeconfig: 'no users' },
      },
      ok: true,
    },
    { name: 'HTML from a proxy', input: '<html>Bad gateway</html>', ok: false },
    {
      name: 'metadata with a number',
      input: { code: 400, reason: 'X', message: 'x', metadata: { a: 1 } },
      ok: false,
    },
    {
      name: 'a string code',
      input: { code: '400', reason: 'X', message: 'x', metadata: {} },
      ok: false,
    },
  ])('when the body is $name, then parsing succeeds=$ok', ({ input, ok }) => {
    expect(parseApiErrorBody(input) !== undefined).toBe(ok);
  });
});
