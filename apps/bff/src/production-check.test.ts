import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { assertProductionReady, productionProblems } from './production-check';

const secure = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://console.example.com',
  TRUST_PROXY: '1',
  GITLAB_URL: 'https://gitlab.example.com',
  GITLAB_CLIENT_SECRET: 'gloas-0123456789abcdef',
  SESSION_SECRET: 'k'.repeat(43),
};

/** `secure` without one setting. */
function without(name: keyof typeof secure): Record<string, string> {
  return Object.fromEntries(Object.entries(secure).filter(([key]) => key !== name));
}

describe('production start check', () => {
  it('when every setting is production-grade, then there is nothing to refuse', () => {
    expect(productionProblems(loadConfig(secure))).toEqual([]);
    expect(() => assertProductionReady(loadConfig(secure))).not.toThrow();
  });

  it("when the GitLab client secret is the local GitLab's development one, then it is refused by name", () => {
    const problems = productionProblems(
      loadConfig({ ...secure, GITLAB_CLIENT_SECRET: 'cluster-console-local-secret' }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^GITLAB_CLIENT_SECRET: .*development secret/);
  });

  it('when the client secret is left to its default, then it is refused too', () => {
    expect(productionProblems(loadConfig(without('GITLAB_CLIENT_SECRET')))).toEqual([
      expect.stringMatching(/^GITLAB_CLIENT_SECRET: /),
    ]);
  });

  it('when the session secret is under 32 bytes, then the BFF refuses it naming SESSION_SECRET', () => {
    expect(() => loadConfig({ ...secure, SESSION_SECRET: 'short-secret' })).toThrow(
      /SESSION_SECRET needs at least 32 characters/,
    );
  });

  it('when no session secret is set, then production refuses a per-process random one', () => {
    expect(productionProblems(loadConfig(without('SESSION_SECRET')))).toEqual([
      expect.stringMatching(/^SESSION_SECRET: required in production/),
    ]);
  });

  it('when PUBLIC_URL is http:// on a non-loopback host, then it is refused by name', () => {
    const problems = productionProblems(
      loadConfig({ ...secure, PUBLIC_URL: 'http://console.example.com' }),
    );
    expect(problems).toEqual([expect.stringMatching(/^PUBLIC_URL: http:\/\/console/)]);
  });

  it.each(['http://127.0.0.1:3000', 'http://localhost:3000', 'http://[::1]:3000'])(
    'when PUBLIC_URL is http:// on loopback (%s), then it is allowed',
    (publicUrl) => {
      expect(productionProblems(loadConfig({ ...secure, PUBLIC_URL: publicUrl }))).toEqual([]);
    },
  );

  it('when PUBLIC_URL has a path (the console behind a path prefix), then it is checked like any other', () => {
    expect(
      productionProblems(loadConfig({ ...secure, PUBLIC_URL: 'https://example.com/console/' })),
    ).toEqual([]);
    expect(
      productionProblems(loadConfig({ ...secure, PUBLIC_URL: 'http://example.com/console/' })),
    ).toEqual([expect.stringMatching(/^PUBLIC_URL: http:\/\/example.com\/console is http:\/\//)]);
  });

  it('when PUBLIC_URL is https:// and TRUST_PROXY is unset, then it is refused by name', () => {
    expect(productionProblems(loadConfig(without('TRUST_PROXY')))).toEqual([
      expect.stringMatching(/^TRUST_PROXY: must be set when PUBLIC_URL is https:\/\//),
    ]);
  });

  it('when several settings are wrong, then the error has one line per setting', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://console.example.com',
    });
    let error: unknown;
    try {
      assertProductionReady(config);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toBe('bff: refusing to start with NODE_ENV=production');
    expect(lines.slice(1).map((line) => line.trim().split(':')[0])).toEqual([
      'GITLAB_CLIENT_SECRET',
      'SESSION_SECRET',
      'TRUST_PROXY',
    ]);
  });

  it('when NODE_ENV is not production, then the development defaults are allowed', () => {
    expect(productionProblems(loadConfig({ PUBLIC_URL: 'http://console.example.com' }))).toEqual(
      [],
    );
  });
});
