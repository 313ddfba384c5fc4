import { describe, expect, it } from 'vitest';
import {
  ConnectionCheckRequestSchema,
  ConnectionCheckResponseSchema,
} from './connection-check.schema';

const reply = {
  api_server: 'https://10.1.2.3:6443',
  address: '10.1.2.3',
  checks: [
    {
      id: 'reachable',
      status: 'ok',
      message: '10.1.2.3:6443 accepts connections.',
      code: 'reachable.ok',
      params: { where_code: 'where.address', host: '10.1.2.3', port: 6443 },
      duration_ms: 3,
    },
  ],
  notes: ['proxy-url was ignored: the check connects directly'],
  note_texts: [{ code: 'notes.proxy_url', params: {} }],
  server_mismatch: null,
  duration_ms: 5,
};

describe('ConnectionCheckRequestSchema', () => {
  it('when the API server and kubeconfig are given, then the API server and confirmation are trimmed', () => {
    expect(
      ConnectionCheckRequestSchema.parse({
        api_server: ' https://10.1.2.3:6443 ',
        kubeconfig: 'apiVersion: v1',
        confirm_credentials_for: ' 10.1.2.3:6443 ',
      }),
    ).toEqual({
      api_server: 'https://10.1.2.3:6443',
      kubeconfig: 'apiVersion: v1',
      confirm_credentials_for: '10.1.2.3:6443',
    });
  });

  it.each([
    [
      { kubeconfig: 'x' },
      'api_server',
      'api_server is the API server URL, e.g. https://10.0.0.5:6443',
    ],
    [
      { api_server: '  ', kubeconfig: 'x' },
      'api_server',
      'api_server is the API server URL, e.g. https://10.0.0.5:6443',
    ],
    [
      { api_server: 'https://a:1', kubeconfig: 3 },
      'kubeconfig',
      'kubeconfig is the reduced kubeconfig YAML, as text',
    ],
    [
      { api_server: 'https://a:1', kubeconfig: 'x', confirm_credentials_for: 'a'.repeat(301) },
      'confirm_credentials_for',
      undefined,
    ],
  ])(
    'when the body is %j, then %s is refused with words a user can act on',
    (body, field, message) => {
      const parsed = ConnectionCheckRequestSchema.safeParse(body);
      expect(parsed.success).toBe(false);
      const issue = parsed.error?.issues.find((one) => one.path[0] === field);
      expect(issue).toBeDefined();
      if (message !== undefined) expect(issue?.message).toBe(message);
    },
  );
});

describe('ConnectionCheckResponseSchema', () => {
  it('when the BFF answers as the contract says, then the reply reads unchanged', () => {
    expect(ConnectionCheckResponseSchema.parse(reply)).toEqual(reply);
  });

  it('when a status or check is one this console does not know, then it reads as skipped, never as a pass, and the id is kept', () => {
    const read = ConnectionCheckResponseSchema.parse({
      ...reply,
      checks: [{ id: 'quota', status: 'perhaps', message: 'Unknown.', duration_ms: 0 }],
    });
    expect(read.checks[0]).toMatchObject({ id: 'quota', status: 'skipped' });
  });

  it('when an older BFF sends no server_mismatch or a time that is not a whole number, then they read as none and 0', () => {
    const older: Record<string, unknown> = { ...reply, duration_ms: 'soon' };
    delete older.server_mismatch;
    const read = ConnectionCheckResponseSchema.parse(older);
    expect(read.server_mismatch).toBeNull();
    expect(read.duration_ms).toBe(0);
  });

  it('when an older BFF sends no codes, then they read as none and the messages are what a reader shows', () => {
    const older = {
      ...reply,
      checks: [{ id: 'tls', status: 'ok', message: 'Verified.', duration_ms: 1 }],
      note_texts: undefined,
    };
    const read = ConnectionCheckResponseSchema.parse(older);
    expect(read.checks[0]).toMatchObject({ code: '', params: {}, message: 'Verified.' });
    expect(read.note_texts).toEqual([]);
  });

  it('when a check has no message, then the reply is not read (a person would see nothing)', () => {
    const broken = { ...reply, checks: [{ id: 'tls', status: 'ok', duration_ms: 1 }] };
    expect(ConnectionCheckResponseSchema.safeParse(broken).success).toBe(false);
  });
});
