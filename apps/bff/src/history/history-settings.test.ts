import { describe, expect, it } from 'vitest';
import { loadHistorySettings } from './history-settings';

describe('loadHistorySettings', () => {
  it.each([
    [{}, { project: 'nautes/tenant-config', branch: 'main' }],
    [
      { TENANT_PROJECT: '', TENANT_BRANCH: '' },
      { project: 'nautes/tenant-config', branch: 'main' },
    ],
    [{ TENANT_PROJECT: '42' }, { project: '42', branch: 'main' }],
    [
      { TENANT_PROJECT: 'group/sub/tenant.config', TENANT_BRANCH: 'release/v1' },
      { project: 'group/sub/tenant.config', branch: 'release/v1' },
    ],
  ])('when the environment is %j, then the settings are %j', (env, settings) => {
    expect(loadHistorySettings(env)).toEqual(settings);
  });

  it.each([
    [{ TENANT_PROJECT: 'tenant-config' }, /TENANT_PROJECT/],
    [{ TENANT_PROJECT: 'https://gitlab.example.com/nautes/tenant-config.git' }, /TENANT_PROJECT/],
    [{ TENANT_BRANCH: '--upload-pack=x' }, /TENANT_BRANCH/],
    [{ TENANT_BRANCH: 'main branch' }, /TENANT_BRANCH/],
  ])('when the environment is %j, then the start stops with one clear line', (env, message) => {
    expect(() => loadHistorySettings(env)).toThrow(message);
  });
});
