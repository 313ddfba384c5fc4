import { describe, expect, it } from 'vitest';
import { explainSharedStoreError } from './shared-rate-limits';

describe('explainSharedStoreError', () => {
  it.each([
    [
      "NOPERM this user has no permissions to run the 'evalsha' command",
      /ACL: scripting denied.*\(NOPERM\)$/,
    ],
    ["READONLY You can't write against a read only replica.", /read-only replica.*\(READONLY\)$/],
    ["OOM command not allowed when used memory > 'maxmemory'.", /out of memory.*\(OOM\)$/],
    ['Redis did not answer within 1000 ms', /^Redis did not answer within 1000 ms$/],
  ])('when Redis answers %s, then the operator reads %s', (message, words) => {
    expect(explainSharedStoreError(new Error(message))).toMatch(words);
  });

  it('when an error carries a URL with a user and password, then they are cut', () => {
    const explained = explainSharedStoreError(
      new Error('connect to rediss://console:s3cr3t@redis.internal:6380 failed'),
    );
    expect(explained).not.toContain('s3cr3t');
    expect(explained).toContain('rediss://[redacted]@redis.internal:6380');
  });
});
