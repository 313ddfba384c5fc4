import { describe, expect, it } from 'vitest';
import { seedKubeconfig } from '../../tests/fixtures';
import {
  cliDraftToBodyV03,
  cliDraftToBodyV04,
  cliDraftToSaveBody,
  type CliClusterDraft,
} from './cli-cluster-draft';
import { readCliClusterFile } from './read-cli-file';
import { CONTRACT_EXAMPLE } from './test-fixtures';

const DRAFT: CliClusterDraft = {
  name: 'physical-pipeline',
  api_server: 'https://8.217.50.114:6443',
  cluster_kind: 'kubernetes',
  cluster_type: 'physical',
  usage: 'worker',
  worker_type: 'pipeline',
  argocd_host: 'argocd.example.com',
  traefik: { http_node_port: '31080' },
  components: { deployment: { name: 'argocd', namespace: 'argocd-x' } },
};

describe('cliDraftToBody', () => {
  it('when a draft becomes a v0.4 body, then the v0.3 settings move into components_list', () => {
    expect(cliDraftToBodyV04(DRAFT)).toEqual({
      api_server: 'https://8.217.50.114:6443',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'worker',
      worker_type: 'pipeline',
      components_list: {
        deployment: {
          name: 'argocd',
          namespace: 'argocd-x',
          additions: { host: 'argocd.example.com' },
        },
        gateway: { additions: { httpNodePort: '31080' } },
      },
    });
  });

  it('when a draft becomes a v0.3 body, then the name and the components are left out', () => {
    expect(cliDraftToBodyV03(DRAFT)).toEqual({
      api_server: 'https://8.217.50.114:6443',
      cluster_kind: 'kubernetes',
      cluster_type: 'physical',
      usage: 'worker',
      worker_type: 'pipeline',
      argocd_host: 'argocd.example.com',
      traefik: { http_node_port: '31080' },
    });
  });
});

describe('cliDraftToSaveBody', () => {
  it("when the file carries a physical cluster's kubeconfig, then the save body has it, checked", () => {
    const text = CONTRACT_EXAMPLE.replace(
      '    apiVersion: v1\n    kind: Config\n    ...\n',
      seedKubeconfig()
        .split('\n')
        .map((line) => (line === '' ? '' : `    ${line}`))
        .join('\n'),
    );
    const result = readCliClusterFile(text);
    const draft = result.ok ? result.clusters[0] : undefined;
    if (draft === undefined) throw new Error('not read');
    const saved = cliDraftToSaveBody(draft, 'v0.4');
    expect(saved.ok && saved.body.kubeconfig).toBe(seedKubeconfig());
  });

  it("when the kubeconfig is the contract example's placeholder, then the save says what is wrong with it", () => {
    const result = readCliClusterFile(CONTRACT_EXAMPLE);
    const draft = result.ok ? result.clusters[0] : undefined;
    if (draft === undefined) throw new Error('not read');
    const saved = cliDraftToSaveBody(draft, 'v0.4');
    expect(saved.ok).toBe(false);
    expect(!saved.ok && Object.keys(saved.fieldErrors)).toEqual(['kubeconfig']);
  });

  it('when the draft has no name or an invalid value, then the errors are the save body’s own', () => {
    const saved = cliDraftToSaveBody({ ...DRAFT, name: undefined, usage: 'both' }, 'v0.3', {
      kubeconfigOptional: true,
    });
    expect(saved.ok).toBe(false);
    expect(!saved.ok && Object.keys(saved.fieldErrors).sort()).toEqual(['cluster_name', 'usage']);
  });
});
