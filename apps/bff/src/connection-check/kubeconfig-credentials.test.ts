import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCredentials } from './kubeconfig-credentials';

/** The kubeconfig as the check reads it: credentials derived, programs and files never touched. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-credentials-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SERVER = 'https://10.0.0.5:6443';
const b64 = (text: string) => Buffer.from(text).toString('base64');

function kubeconfig(user: Record<string, unknown>, cluster: Record<string, unknown> = {}): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server: SERVER, ...cluster } }],
    users: [{ name: 'u', user }],
    contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'ctx',
  });
}

describe('readCredentials', () => {
  it('when the user has a token and the cluster a CA, then the bearer header and the CA are derived', async () => {
    const result = await readCredentials(
      kubeconfig({ token: 'secret-token' }, { 'certificate-authority-data': b64('CA PEM') }),
      SERVER,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.credentials.headers.Authorization).toBe('Bearer secret-token');
    expect(result.credentials.credential).toBe('bearer token');
    expect(String(result.credentials.ca)).toBe('CA PEM');
    expect(result.credentials.skipTlsVerify).toBe(false);
    expect(result.credentials.notes).toEqual([]);
  });

  it('when the user has client certificate data, then cert and key are derived', async () => {
    const result = await readCredentials(
      kubeconfig({ 'client-certificate-data': b64('CERT'), 'client-key-data': b64('KEY') }),
      SERVER,
    );
    expect(result.ok && result.credentials.credential).toBe('client certificate');
    expect(result.ok && String(result.credentials.cert)).toBe('CERT');
  });

  it('when the user has an exec plugin, then it is not run and a note says so', async () => {
    const marker = path.join(dir, 'exec-ran');
    const result = await readCredentials(
      kubeconfig({
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1',
          command: '/bin/sh',
          args: ['-c', `touch ${marker}`],
        },
      }),
      SERVER,
    );
    expect(existsSync(marker)).toBe(false);
    expect(result.ok && result.credentials.credential).toBe('none');
    expect(result.ok && result.credentials.notes.map((note) => note.message).join(' ')).toContain(
      'was not run',
    );
  });

  it('when the kubeconfig names files and a proxy, then no file is read and no proxy is used', async () => {
    const secret = path.join(dir, 'token');
    writeFileSync(secret, 'file-token');
    const result = await readCredentials(
      kubeconfig(
        {
          'token-file': secret,
          tokenFile: secret,
          'client-certificate': secret,
          'client-key': secret,
        },
        { 'certificate-authority': secret, 'proxy-url': 'http://127.0.0.1:3128' },
      ),
      SERVER,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.stringify(result.credentials)).not.toContain('file-token');
    expect(result.credentials.headers.Authorization).toBeUndefined();
    expect(result.credentials.ca).toBeUndefined();
    expect(result.credentials.notes).toHaveLength(6);
  });

  it('when insecure-skip-tls-verify, tls-server-name and another server are set, then they are reported', async () => {
    const result = await readCredentials(
      kubeconfig(
        { token: 't' },
        {
          server: 'https://elsewhere:6443',
          'insecure-skip-tls-verify': true,
          'tls-server-name': 'kubernetes',
        },
      ),
      SERVER,
    );
    expect(result.ok && result.credentials).toMatchObject({
      skipTlsVerify: true,
      tlsServerName: 'kubernetes',
      kubeconfigServer: 'https://elsewhere:6443',
    });
  });

  it('when the kubeconfig is not one, then the shared reader says why', async () => {
    expect(await readCredentials('just words', SERVER)).toMatchObject({ ok: false });
    expect(await readCredentials('{"apiVersion":"v1","kind":"Config"}', SERVER)).toMatchObject({
      ok: false,
      error: expect.objectContaining({
        message: expect.stringContaining('no context') as unknown,
      }) as unknown,
    });
  });
});
