import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiServerProblem,
  dnsNameProblem,
  kubeconfigProblem,
  portProblem,
  validateClusterName,
  validateSaveRequest,
} from '@cluster-console/shared';
import zhWizard from '../../../locales/zh-CN.wizard.json';
import { lockReason } from '../components/cluster-wizard/wizard-locks';
import { RULE_TEXT_KEYS, ruleText, ruleTextKey } from './rule-text';

const zh = i18next.createInstance();
beforeAll(async () => {
  await zh.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhWizard } },
    interpolation: { escapeValue: false },
  });
});

/** Messages as the shared rules really write them: a change of wording there fails here. */
function sharedMessages(): string[] {
  const errors = (name: string, body: Record<string, unknown>) => {
    const result = validateSaveRequest(name, body);
    return result.ok ? [] : Object.values(result.fieldErrors);
  };
  return [
    ...errors('', { cluster_kind: 'kubernetes', cluster_type: 'physical', usage: 'worker' }),
    ...errors('v1', {
      cluster_kind: 'openshift',
      cluster_type: 'virtual',
      usage: 'host',
      worker_type: 'batch',
      api_server: 'https://203.0.113.10:6443',
    }),
    ...errors('p1', {
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'host',
      worker_type: 'pipeline',
      host_cluster: 'h',
      api_server: 'ftp://x',
      primary_domain: 'Example.com',
      traefik: { http_node_port: '99999', https_node_port: 'x1' },
      kubeconfig: 'apiVersion: v1\nkind: Config\nclusters: []\n',
    }),
    ...errors('v2', {
      cluster_kind: 'kubernetes',
      cluster_type: 'virtual',
      usage: 'worker',
      worker_type: 'pipeline',
      host_cluster: 'v2',
      api_server: 'https://203.0.113.10:6443',
    }),
    ...['Cluster-Host', 'a'.repeat(64), 'a_b', '-a'].map((name) => validateClusterName(name)),
    ...['', 'http://a.example.com', 'a.example.com:80', 'a..b', 'a_b.c', '-a.b'].map(
      dnsNameProblem,
    ),
    ...['https://a:99999', ' https://a', 'https://user:pw@a'].map(apiServerProblem),
    portProblem('0'),
    kubeconfigProblem('just text'),
  ].filter((message): message is string => message !== undefined);
}

describe('rule texts in Chinese', () => {
  it('when a host carries virtual clusters, then its lock reason is a key with the name and dependents', () => {
    const reason = lockReason('cluster-host', ['v1', 'v2']);
    expect(ruleTextKey(reason)).toEqual({
      key: 'wizard.locked.reason',
      values: { name: 'cluster-host', dependents: 'v1, v2' },
    });
    expect(ruleText(zh.t, 'zh-CN', reason)).toBe(
      'cluster-host 承载着虚拟集群 v1, v2：在它们依赖它期间，其类型、用途、宿主集群、工作类型和集群种类都不能更改。',
    );
    expect(ruleText(zh.t, 'en', reason)).toBe(reason);
  });

  it('when the shared rules refuse a cluster, then every message they write has Chinese with its values', () => {
    const messages = sharedMessages();
    expect(messages.length).toBeGreaterThan(25);
    const untold = messages.filter((message) => ruleTextKey(message) === undefined);
    expect(untold).toEqual([]);
    for (const message of messages) {
      const told = ruleText(zh.t, 'zh-CN', message);
      expect(told, message).toMatch(/[\u4e00-\u9fff]/);
      expect(told, message).not.toContain('{{');
    }
  });

  it('when the kubeconfig is missing, then Chinese asks to paste it (not "invalid")', () => {
    const result = validateSaveRequest('p', {
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'host',
      api_server: 'https://203.0.113.10:6443',
    });
    const message = result.ok ? '' : (result.fieldErrors.kubeconfig ?? '');
    expect(ruleText(zh.t, 'zh-CN', message)).toMatch(/^请粘贴此物理集群的 kubeconfig/);
    expect(ruleText(zh.t, 'zh-CN', 'Use at most 63 characters (this name has 64).')).toBe(
      '最多 63 个字符（此名称有 64 个）。',
    );
  });

  it('when a text is not a known rule (a server or a YAML parser said it), then it is shown as it is', () => {
    expect(ruleTextKey('upstream timed out')).toBeUndefined();
    expect(ruleText(zh.t, 'zh-CN', 'upstream timed out')).toBe('upstream timed out');
  });

  it('when a rule text is known, then the Chinese locale has its key', () => {
    for (const key of RULE_TEXT_KEYS) expect(zh.exists(key), key).toBe(true);
  });
});
