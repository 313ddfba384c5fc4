import { describe, expect, it } from 'vitest';
import { clusterFileChange } from './cluster-fields';
import { isSecretPath, REDACTED } from './redaction';

describe('the one redaction rule (isSecretPath)', () => {
  it.each([
    [['spec', 'apiKey'], true],
    [['spec', 'accessKey'], true],
    [['spec', 'client-key'], true],
    [['spec', 'secretKey'], true],
    [['spec', 'privateKey'], true],
    [['spec', 'APIKey'], true],
    [['spec', 'api_key'], true],
    [['spec', 'x-access-key'], true],
    [['spec', 'signingKey'], true],
    [['spec', 'key'], true],
    [['spec', 'bearerToken'], true],
    [['spec', 'tokens'], true],
    [['spec', 'refresh_token'], true],
    [['spec', 'password'], true],
    [['spec', 'adminPasswd'], true],
    [['spec', 'pwd'], true],
    [['spec', 'kubeConfig'], true],
    [['spec', 'tlsCert'], true],
    [['spec', 'secretRef', 'name'], true],
    [['spec', 'credentials', 'user'], true],
    [['spec', 'env', 'value'], true],
    [['spec', 'extraEnv', 'value'], true],
    [['spec', 'environment', 'API_URL'], true],
    [['spec', 'env', 'valueFrom', 'configMapKeyRef', 'name'], true],
    [['spec', 'env', 'name'], false],
    [['spec', 'env'], false],
    [['spec', 'componentsList', 'secretSync', 'name'], false],
    [['spec', 'componentsList', 'secret_management', 'namespace'], false],
    [['spec', 'apiServer'], false],
    [['spec', 'monkey'], false],
    [['spec', 'keyboardLayout'], false],
    [['spec', 'traefik', 'httpNodePort'], false],
    [['spec', 'reservedNamespacesAllowedProducts', 'tekton'], false],
    [['metadata', 'name'], false],
  ])('when the value is at %j, then secret is %s', (keys, secret) => {
    expect(isSecretPath(keys)).toBe(secret);
  });

  it('when a file holds such keys and env values, then no value of them leaves', () => {
    const text = `spec:
  apiKey: k-api-1
  accessKey: k-access-2
  client-key: k-client-3
  secretKey: k-secret-4
  privateKey: k-private-5
  env:
    - name: LOG_LEVEL
      value: v-env-6
    - name: DB_URL
      value: v-env-7
  environment:
    API_URL: v-env-8
  apiServer: https://10.0.0.1:6443
`;
    const fields = clusterFileChange(undefined, text).fields;
    const all = JSON.stringify(fields);
    for (const secret of ['k-api-1', 'k-access-2', 'k-client-3', 'k-secret-4', 'k-private-5']) {
      expect(all).not.toContain(secret);
    }
    for (const secret of ['v-env-6', 'v-env-7', 'v-env-8']) expect(all).not.toContain(secret);
    expect(fields).toContainEqual({ field: 'spec.env[0].name', before: null, after: 'LOG_LEVEL' });
    expect(fields).toContainEqual({ field: 'spec.env[1].value', before: null, after: REDACTED });
    expect(fields).toContainEqual({ field: 'spec.apiKey', before: null, after: REDACTED });
    expect(fields).toContainEqual({
      field: 'spec.apiServer',
      before: null,
      after: 'https://10.0.0.1:6443',
    });
  });
});
