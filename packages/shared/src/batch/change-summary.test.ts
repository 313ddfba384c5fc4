import { describe, expect, it } from 'vitest';
import { readClusterReply } from '../clusters/generations';
import { summarizeChange } from './change-summary';

const registered = readClusterReply({
  name: 'worker',
  cluster_kind: 'kubernetes',
  cluster_type: 'physical',
  usage: 'worker',
  worker_type: 'deployment',
  api_server: 'https://203.0.113.10:6443',
  primary_domain: '203.0.113.10.nip.io',
  argocd_host: 'argocd.worker.203.0.113.10.nip.io',
  traefik: { http_node_port: '30080', https_node_port: '30443' },
});

describe('summarizeChange', () => {
  it('when nothing is registered under the name, then it is new', () => {
    expect(summarizeChange({ api_server: 'https://x' }, undefined)).toEqual({
      kind: 'new',
      kubeconfig: false,
    });
  });

  it('when the file says what is registered, then it is unchanged (left-out fields are not listed)', () => {
    expect(
      summarizeChange(
        {
          cluster_kind: 'kubernetes',
          cluster_type: 'physical',
          usage: 'worker',
          api_server: 'https://203.0.113.10:6443',
          kubeconfig: 'apiVersion: v1',
        },
        registered,
      ),
    ).toEqual({ kind: 'unchanged', kubeconfig: true });
  });

  it('when fields differ, then each is listed with before and after, the kubeconfig never', () => {
    const summary = summarizeChange(
      {
        api_server: 'https://203.0.113.11:6443',
        traefik: { http_node_port: '30080', https_node_port: '31443' },
        kubeconfig: 'apiVersion: v1\nusers: [{name: a, user: {token: s3cr3t}}]',
      },
      registered,
    );
    expect(summary).toEqual({
      kind: 'changed',
      kubeconfig: true,
      fields: [
        {
          field: 'api_server',
          before: 'https://203.0.113.10:6443',
          after: 'https://203.0.113.11:6443',
        },
        { field: 'traefik.https_node_port', before: '30443', after: '31443' },
      ],
    });
    expect(JSON.stringify(summary)).not.toContain('s3cr3t');
  });

  it('when a v0.4 body carries components_list, then it is compared with the components', () => {
    const v04 = readClusterReply({
      ...registered,
      components_list: { deployment: { name: 'argocd', namespace: 'argocd' }, gateway: null },
    });
    expect(
      summarizeChange(
        { components_list: { deployment: { name: 'argocd', namespace: 'argo' }, gateway: null } },
        v04,
      ),
    ).toMatchObject({
      kind: 'changed',
      fields: [{ field: 'components.deployment.namespace', before: 'argocd', after: 'argo' }],
    });
  });
});
