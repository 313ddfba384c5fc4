import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { i18n } from './i18n';
import { explainServerMessage, SERVER_MESSAGES } from './server-messages';

const t = (key: string, values?: Record<string, string>) => i18n.t(key, values);

// One row per entry of the table: a real Nautes text, the words shown and the metadata added.
const rows = [
  {
    key: 'apiServerNotHttps',
    text: 'failed to validate save request, err: the apiserver http//x is not an https URL',
    words: 'The API server address http//x is not an https URL.',
    metadata: { api_server: expect.stringContaining('http//x is not an https URL') as string },
  },
  {
    key: 'hostClusterNotFound',
    text: 'failed to get host cluster, err: cluster x is not found',
    words: 'There is no host cluster named x.',
    metadata: { host_cluster: expect.stringContaining('no host cluster named x') as string },
  },
  {
    key: 'kubeconfigRequired',
    text: 'register physical cluster, kubeconfig is not empty',
    words: 'A physical cluster needs its kubeconfig on every save',
    metadata: { kubeconfig: expect.stringContaining('needs its kubeconfig') as string },
  },
  {
    key: 'reservedNamespaceNotComponent',
    text: 'failed to save cluster, err: reserved namespace tekton is not in component list',
    words: 'Reserved namespace tekton is not the namespace of one of this cluster',
    metadata: {
      reserved_namespaces_allowed_products: expect.stringContaining(
        'Reserved namespace tekton',
      ) as string,
    },
  },
  {
    key: 'clusterReferenced',
    text: 'failed to remove cluster h, this cluster is referenced by v',
    words: 'Cluster h cannot be deleted: v still depends on it.',
    metadata: { referenced_by: 'v' },
  },
  {
    key: 'clusterReferencedChange',
    text: 'cluster referenced by [v1 v2], modifying [cluster kind, cluster type, usage, host cluster, worker type] is not allowed',
    words: 'Other clusters (v1 v2) depend on this one, so its cluster kind, cluster type, usage',
    metadata: { referenced_by: 'v1,v2' },
  },
  {
    key: 'pushDeclined',
    text: 'failed to save git config to git repo, err: push data: pre-receive hook declined',
    words: 'The tenant configuration repository refused the change.',
    metadata: {},
  },
];

describe('explainServerMessage', () => {
  it('when the table is listed, then every entry has a row here and texts in both languages', () => {
    expect(rows.map((row) => row.key)).toEqual(SERVER_MESSAGES.map((entry) => entry.key));
    for (const texts of [en.errors.server, zhCN.errors.server]) {
      for (const entry of SERVER_MESSAGES) {
        expect(texts).toHaveProperty(entry.key, expect.any(String));
      }
    }
  });

  it.each(rows)(
    'when the server says "$text", then the words name what to do and the field gets them',
    ({ text, words, metadata }) => {
      const explained = explainServerMessage(text, {}, t);
      expect(explained.message).toContain(words);
      // The server's own words are kept, after ours.
      expect(explained.message).toContain(`The server said: “${text}”`);
      expect(explained.metadata).toEqual(metadata);
    },
  );

  it('when the text is unknown, then message and metadata pass through unchanged', () => {
    const metadata = { cluster: 'x' };
    expect(explainServerMessage('cluster x not found', metadata, t)).toEqual({
      message: 'cluster x not found',
      metadata: { cluster: 'x' },
    });
    expect(explainServerMessage('something else broke', {}, t)).toEqual({
      message: 'something else broke',
      metadata: {},
    });
  });

  it('when the server already names the field, then its own metadata is kept', () => {
    const explained = explainServerMessage(
      'register physical cluster, kubeconfig is not empty',
      { kubeconfig: 'from the server' },
      t,
    );
    expect(explained.metadata).toEqual({ kubeconfig: 'from the server' });
  });
});
