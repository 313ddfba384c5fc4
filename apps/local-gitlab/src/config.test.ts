import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('when nothing is set, then the documented defaults apply', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8929,
      publicUrl: undefined,
      accessTokenTtlSeconds: 7200,
      consoleClient: {
        clientId: 'cluster-console',
        clientSecret: 'cluster-console-local-secret',
        redirectUris: ['http://127.0.0.1:3000/auth/callback'],
      },
    });
    expect(config.usersFile.endsWith(path.join('apps', 'local-gitlab', 'users.json'))).toBe(true);
    expect(config.dataDir.endsWith(path.join('.data', 'local-gitlab'))).toBe(true);
  });

  it('when values are set, then they are parsed (URIs split, trailing slash of PUBLIC_URL dropped)', () => {
    const config = loadConfig({
      PORT: '0',
      PUBLIC_URL: 'https://gitlab.example.test/',
      ACCESS_TOKEN_TTL: '60',
      CONSOLE_REDIRECT_URIS:
        'http://127.0.0.1:3000/auth/callback, http://localhost:3000/auth/callback',
      DATA_DIR: 'relative/dir',
    });
    expect(config.port).toBe(0);
    expect(config.publicUrl).toBe('https://gitlab.example.test');
    expect(config.accessTokenTtlSeconds).toBe(60);
    expect(config.consoleClient.redirectUris).toEqual([
      'http://127.0.0.1:3000/auth/callback',
      'http://localhost:3000/auth/callback',
    ]);
    expect(config.dataDir).toBe(path.resolve('relative/dir'));
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['ACCESS_TOKEN_TTL', { ACCESS_TOKEN_TTL: '0' }],
    ['ACCESS_TOKEN_TTL', { ACCESS_TOKEN_TTL: '1.5' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'ftp://example.test' }],
    ['CONSOLE_REDIRECT_URIS', { CONSOLE_REDIRECT_URIS: 'not a url' }],
    ['CONSOLE_CLIENT_SECRET', { CONSOLE_CLIENT_SECRET: 'short' }],
  ])('when %s is wrong, then it refuses with a message naming it', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}: `));
  });
});
