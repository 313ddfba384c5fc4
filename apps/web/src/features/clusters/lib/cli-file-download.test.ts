import { afterEach, describe, expect, it, vi } from 'vitest';
import { readClusterReply, readCliClusterFile, type Cluster } from '@cluster-console/shared';
import { cliFileGeneration, cliFileName, downloadText } from './cli-file-download';
import { cliFileText } from './cli-file-text';

const host: Cluster = {
  name: 'cluster-host',
  api_server: 'https://8.217.50.114:6443',
  cluster_kind: 'kubernetes',
  cluster_type: 'physical',
  usage: 'host',
  primary_domain: '8.217.50.114.nip.io',
  traefik: { http_node_port: '31080', https_node_port: '31443' },
};
const worker: Cluster = {
  name: 'vdeploy',
  api_server: 'https://8.217.50.114:31457',
  cluster_kind: 'kubernetes',
  cluster_type: 'virtual',
  usage: 'worker',
  worker_type: 'deployment',
  host_cluster: 'cluster-host',
  primary_domain: '8.217.50.114.nip.io',
  argocd_host: 'argocd.vdeploy.8.217.50.114.nip.io',
};
const views = [host, worker].map(readClusterReply);

const saved = { create: URL.createObjectURL.bind(URL), revoke: URL.revokeObjectURL.bind(URL) };
afterEach(() => {
  vi.restoreAllMocks();
  URL.createObjectURL = saved.create;
  URL.revokeObjectURL = saved.revoke;
});

describe('Download for the Nautes CLI', () => {
  it('when one cluster is exported, then the file is named after it and holds no kubeconfig', () => {
    const [first] = views;
    if (!first) throw new Error('no view');
    expect(cliFileName([first])).toBe('cluster-host.yaml');
    const text = cliFileText([first], 'v0.3');
    expect(text).toContain('kind: Cluster');
    expect(text).toContain('# kubeconfig:');
    expect(text).toMatch(/traefik:\n\s+httpNodePort: "31080"/);
    expect(text).not.toMatch(/^\s*kubeconfig:/m);
  });

  it('when the list is exported, then one file holds one document per cluster, in order', () => {
    expect(cliFileName(views)).toBe('clusters.yaml');
    const text = cliFileText(views, 'v0.4');
    expect(text).toContain('componentsList:');
    const read = readCliClusterFile(text);
    expect(read.ok && read.clusters.map((cluster) => cluster.name)).toEqual([
      'cluster-host',
      'vdeploy',
    ]);
  });

  it('when the BFF cannot tell the generation, then the pick wins, else the replies’ own', () => {
    expect(cliFileGeneration('v0.3', views, 'v0.4')).toBe('v0.3');
    expect(cliFileGeneration('unknown', views, 'v0.4')).toBe('v0.4');
    expect(cliFileGeneration('unknown', views)).toBe('v0.3');
    expect(cliFileGeneration(undefined, [])).toBe('v0.4');
  });

  it('when downloaded, then a link with the download attribute is clicked on an object URL', () => {
    const create = vi.fn(() => 'blob:cli-file');
    const revoke = vi.fn();
    URL.createObjectURL = create;
    URL.revokeObjectURL = revoke;
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(this);
    });
    downloadText('clusters.yaml', 'kind: Cluster\n');
    expect(create).toHaveBeenCalledWith(expect.any(Blob));
    expect(clicks[0]?.download).toBe('clusters.yaml');
    expect(clicks[0]?.href).toBe('blob:cli-file');
  });
});
