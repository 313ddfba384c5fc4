import { describe, expect, it } from 'vitest';
import { seedRequest } from '../../tests/fixtures';
import {
  applyDefaults,
  defaultArgocdHost,
  defaultPrimaryDomain,
  defaultTektonHost,
  defaultVclusterHttpsNodePort,
  isOutsideNodePortRange,
} from './defaults';
import type { SaveClusterBody } from './save-body.schema';
import { validateSaveBody } from './validate-save-body';

function body(input: Record<string, unknown>): SaveClusterBody {
  const result = validateSaveBody(input);
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.body;
}

const stripDefaults = (input: Record<string, unknown>) => {
  const copy = { ...input };
  for (const key of ['primary_domain', 'argocd_host', 'tekton_host', 'traefik', 'vcluster']) {
    delete copy[key];
  }
  return copy;
};

describe('defaultPrimaryDomain', () => {
  it.each([
    ['https://8.217.50.114:6443', '8.217.50.114.nip.io'],
    ['http://10.0.0.1', '10.0.0.1.nip.io'],
    ['https://api.example.com:6443', 'api.example.com'],
    ['https://API.Example.com', 'api.example.com'],
    ['https://api.example.com./k8s', 'api.example.com'],
    ['https://[2001:db8::1]:6443', undefined],
    ['https://999.1.1.1', undefined],
    ['not a url', undefined],
  ])('when the API server is %s, then the primary domain is %s', (apiServer, expected) => {
    expect(defaultPrimaryDomain(apiServer)).toBe(expected);
  });
});

describe('host and port defaults', () => {
  it('when a name and domain are given, then argocd and tekton hosts are built from them', () => {
    expect(defaultArgocdHost('c1', 'example.com')).toBe('argocd.c1.example.com');
    expect(defaultTektonHost('c1', 'example.com')).toBe('tekton.c1.example.com');
  });

  it.each([
    ['https://8.217.50.114:31456', '31456'],
    ['https://8.217.50.114', '443'],
    ['http://8.217.50.114', '80'],
    ['nope', undefined],
  ])('when the API server is %s, then the vcluster port is %s', (apiServer, expected) => {
    expect(defaultVclusterHttpsNodePort(apiServer)).toBe(expected);
  });

  it.each([
    ['30000', false],
    ['32767', false],
    ['30080', false],
    ['29999', true],
    ['32768', true],
    ['443', true],
    ['abc', false],
  ])('when the port is %s, then outside-the-NodePort-range is %s', (port, expected) => {
    expect(isOutsideNodePortRange(port)).toBe(expected);
  });
});

describe('applyDefaults', () => {
  it('when the seed virtual cluster has no optional fields, then they are filled as in the guide', () => {
    const filled = applyDefaults(
      'vcluster-virtual',
      body(stripDefaults(seedRequest('cluster-virtual.json'))),
    );
    expect(filled).toEqual({
      api_server: 'https://8.217.50.114:31456',
      cluster_kind: 'kubernetes',
      cluster_type: 'virtual',
      usage: 'worker',
      worker_type: 'pipeline',
      host_cluster: 'cluster-host',
      primary_domain: '8.217.50.114.nip.io',
      argocd_host: 'argocd.vcluster-virtual.8.217.50.114.nip.io',
      tekton_host: 'tekton.vcluster-virtual.8.217.50.114.nip.io',
      vcluster: { https_node_port: '31456' },
    });
  });

  it('when the seed host has no optional fields, then traefik gets 30080/30443 and no argocd host', () => {
    const input = body(stripDefaults(seedRequest('cluster-host.json')));
    const filled = applyDefaults('cluster-host', input);
    expect(filled.primary_domain).toBe('8.217.50.114.nip.io');
    expect(filled.traefik).toEqual({ http_node_port: '30080', https_node_port: '30443' });
    expect(filled).not.toHaveProperty('argocd_host');
    expect(filled).not.toHaveProperty('tekton_host');
    expect(filled).not.toHaveProperty('vcluster');
    expect(filled.kubeconfig).toBe(input.kubeconfig);
  });

  it('when a physical deployment worker is filled, then it gets argocd but no tekton host', () => {
    const filled = applyDefaults(
      'host-worker-aliyun-0412',
      body(stripDefaults(seedRequest('cluster-physical.json'))),
    );
    expect(filled.argocd_host).toBe('argocd.host-worker-aliyun-0412.8.217.50.114.nip.io');
    expect(filled).not.toHaveProperty('tekton_host');
  });

  it('when the user gave values, then none of them is changed', () => {
    const seed = seedRequest('cluster-virtual.json');
    const given = body({
      ...seed,
      primary_domain: 'apps.example.com',
      argocd_host: 'cd.example.com',
      tekton_host: 'ci.example.com',
      vcluster: { https_node_port: '30999' },
    });
    expect(applyDefaults('vcluster-virtual', given)).toEqual(given);
  });

  it('when the user gave a primary domain only, then argocd and tekton hosts use it', () => {
    const given = body({
      ...stripDefaults(seedRequest('cluster-virtual.json')),
      primary_domain: 'apps.example.com',
    });
    expect(applyDefaults('v1', given)).toMatchObject({
      argocd_host: 'argocd.v1.apps.example.com',
      tekton_host: 'tekton.v1.apps.example.com',
    });
  });

  it('when only one traefik port is given, then only the other is filled', () => {
    const given = body({
      ...seedRequest('cluster-host.json'),
      traefik: { https_node_port: '31443' },
    });
    expect(applyDefaults('cluster-host', given).traefik).toEqual({
      http_node_port: '30080',
      https_node_port: '31443',
    });
  });

  it('when the API server is IPv6, then no domain or hosts are invented', () => {
    const given = body({
      ...stripDefaults(seedRequest('cluster-virtual.json')),
      api_server: 'https://[2001:db8::1]:31456',
    });
    const filled = applyDefaults('v1', given);
    expect(filled).not.toHaveProperty('primary_domain');
    expect(filled).not.toHaveProperty('argocd_host');
    expect(filled.vcluster).toEqual({ https_node_port: '31456' });
  });

  it('when a body is filled, then the input object is not modified', () => {
    const given = body(stripDefaults(seedRequest('cluster-host.json')));
    const before = structuredClone(given);
    applyDefaults('cluster-host', given);
    expect(given).toEqual(before);
  });

  it('when a physical cluster has no kubeconfig, then none is invented', () => {
    const input = stripDefaults(seedRequest('cluster-host.json'));
    delete input.kubeconfig;
    const result = validateSaveBody(input, { kubeconfigOptional: true });
    if (!result.ok) throw new Error('expected valid');
    expect(applyDefaults('cluster-host', result.body)).not.toHaveProperty('kubeconfig');
  });
});
