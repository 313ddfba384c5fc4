import { describe, expect, it } from 'vitest';
import {
  checkText,
  checkTextMetadata,
  checkTextOfField,
  englishCheckText,
  templateKeys,
  translateFrom,
} from './check-text';
import { CHECK_TEXTS_EN } from './check-texts-en';

describe('check texts', () => {
  it('when a param names other words (`<name>_code`), then they fill the placeholder, nested', () => {
    const text = {
      code: 'tls.insecure_would_fail',
      params: {
        why_code: 'tls_reasons.unknown_authority',
        authorities_code: 'authorities.system_cas',
      },
    };
    expect(englishCheckText(text)).toBe(
      "Not verified: the kubeconfig sets insecure-skip-tls-verify, so anyone between the console and the cluster could pose as it. Verification would fail: The server's certificate is signed by an unknown authority: it does not verify with the system's CAs (the kubeconfig has no CA). Use the cluster's CA in certificate-authority-data.",
    );
  });

  it('when an optional part is absent, then its placeholder is empty; when present, it is said', () => {
    const refused = {
      reason_code: 'reasons.refused_range',
      range_code: 'ranges.loopback',
      address: '127.0.0.1',
    };
    expect(englishCheckText({ code: 'reachable.address_refused', params: refused })).toBe(
      'Refused: 127.0.0.1 is a loopback address (this machine); the console does not check such addresses unless CONNECTION_CHECK_ALLOWED_NETWORKS names it.',
    );
    const carried = { ...refused, carried_code: 'reasons.carried', carrier: '::ffff:7f00:1' };
    expect(englishCheckText({ code: 'reachable.address_refused', params: carried })).toMatch(
      /names it \(carried inside ::ffff:7f00:1\)\.$/,
    );
  });

  it('when permissions are denied, then their words and what fails are listed with the language’s separators', () => {
    const text = { code: 'permissions.missing', params: { denied: 'namespaces,clusterroles' } };
    expect(englishCheckText(text)).toBe(
      "The user may not create namespaces, cluster roles cluster-wide: installing the namespaces of ArgoCD, Tekton, HNC and the other components; the components' cluster roles (ArgoCD, Tekton, HNC) will fail. Use a user with cluster-admin rights.",
    );
    const other = translateFrom({
      permissions: { missing: '{{words}} / {{fails}}' },
      permission_words: { namespaces: 'N', clusterroles: 'C' },
      permission_fails: { namespaces: 'n', clusterroles: 'c' },
      separators: { words: '+', clauses: '|' },
    });
    expect(checkText(text, other)).toBe('N+C / n|c');
  });

  it('when a language lacks a key, then there are no words (the reader shows the message); English lacking one is a bug', () => {
    const partial = translateFrom({ tls: { ok: '{{name}} {{authorities}}' } });
    const text = {
      code: 'tls.ok',
      params: { name: 'n', authorities_code: 'authorities.kubeconfig_ca' },
    };
    expect(checkText(text, partial)).toBeUndefined();
    expect(checkText({ code: 'nope', params: {} }, partial)).toBeUndefined();
    expect(() => englishCheckText({ code: 'nope', params: {} })).toThrow(/nope/);
  });

  it('when a request field’s problem goes into error metadata, then its code and params come back out', () => {
    const metadata = checkTextMetadata('api_server', {
      code: 'request_fields.api_server_not_url',
      params: { value: 'x y' },
      message: '"x y" is not a URL; write it as https://host:port.',
    });
    expect(metadata.api_server).toBe('"x y" is not a URL; write it as https://host:port.');
    expect(checkTextOfField(metadata, 'api_server')).toEqual({
      code: 'request_fields.api_server_not_url',
      params: { value: 'x y' },
    });
    expect(checkTextOfField({ api_server: 'm' }, 'api_server')).toBeUndefined();
  });

  it('lists every template with its placeholders', () => {
    const keys = templateKeys(CHECK_TEXTS_EN);
    expect(keys.get('tls.ok')).toEqual(['authorities', 'name']);
    expect(keys.size).toBeGreaterThan(90);
  });
});
