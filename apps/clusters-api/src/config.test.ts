import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('when nothing is set, then the documented defaults apply', () => {
    const config = loadConfig({ PATH: '/usr/bin' });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8000,
      gitlabUrl: 'http://127.0.0.1:8929',
      tenantProject: 'nautes/tenant-config',
      tenantRepoUrl: 'http://127.0.0.1:8929/nautes/tenant-config.git',
      tenantRepoReadToken: 'gldt-local-clusters-api',
      dataDir: path.resolve('.data/clusters-api'),
      secretsDir: path.resolve('.data/clusters-api/secrets'),
      secretsKey: undefined,
      permissionCacheMs: 5_000,
      gitlabTimeoutMs: 3_000,
      nautesApiVersion: 'v0.3',
      childEnv: { PATH: '/usr/bin' },
    });
  });

  it('when values are set, then they are used; the repo URL follows GITLAB_URL', () => {
    const key = randomBytes(32);
    const config = loadConfig({
      PORT: '0',
      GITLAB_URL: 'https://gitlab.example.com/',
      SECRETS_KEY: key.toString('base64'),
      PERMISSION_CACHE_SECONDS: '60',
    });
    expect(config.port).toBe(0);
    expect(config.tenantRepoUrl).toBe('https://gitlab.example.com/nautes/tenant-config.git');
    expect(config.secretsKey?.equals(key)).toBe(true);
    expect(config.permissionCacheMs).toBe(60_000);
  });

  it.each(['v0.3', 'v0.4'] as const)(
    'when NAUTES_API_VERSION is %s, then that generation is spoken',
    (version) => {
      expect(loadConfig({ NAUTES_API_VERSION: version }).nautesApiVersion).toBe(version);
    },
  );

  it.each(['v0.5', '0.4', 'V0.4', 'latest'])(
    'when NAUTES_API_VERSION is %s, then start is refused naming the setting and the accepted values',
    (value) => {
      expect(() => loadConfig({ NAUTES_API_VERSION: value })).toThrow(ConfigError);
      expect(() => loadConfig({ NAUTES_API_VERSION: value })).toThrow(
        /NAUTES_API_VERSION: must be "v0\.3" or "v0\.4"/,
      );
    },
  );

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['GITLAB_URL', { GITLAB_URL: 'ftp://gitlab' }],
    ['SECRETS_KEY', { SECRETS_KEY: Buffer.from('short').toString('base64') }],
    [
      'TENANT_REPO_URL',
      { TENANT_REPO_URL: 'https://oauth2:glpat-secret@gitlab.example.com/x.git' },
    ],
    ['PERMISSION_CACHE_SECONDS', { PERMISSION_CACHE_SECONDS: '61' }],
  ])('when %s is wrong, then start is refused with a message naming it', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('when the repo URL holds credentials, then the message does not repeat them', () => {
    expect(() =>
      loadConfig({ TENANT_REPO_URL: 'https://oauth2:glpat-secret@gitlab.example.com/x.git' }),
    ).not.toThrow(/glpat-secret/);
  });
});
