import { describe, expect, it } from 'vitest';
import {
  applyComponentDefaults,
  clientCategoriesFor,
  COMPONENT_CATEGORIES,
  componentCategoriesFor,
  componentHostDomain,
  componentNamespaces,
  DEFAULT_COMPONENTS,
  reservedNamespaceProblems,
} from './components';
import { categoryFromCamel, categoryToCamel } from './components-case';

// The category table of nautes-v0.4.md, row by row.
const TABLE = [
  ['physical', 'host', undefined, ['oauth_proxy', 'gateway', 'secret_management']],
  [
    'physical',
    'worker',
    'deployment',
    [
      'multi_tenant',
      'secret_sync',
      'gateway',
      'deployment',
      'progressive_delivery',
      'secret_management',
    ],
  ],
  [
    'physical',
    'worker',
    'pipeline',
    [
      'multi_tenant',
      'secret_sync',
      'gateway',
      'deployment',
      'event_listener',
      'oauth_proxy',
      'pipeline',
      'secret_management',
    ],
  ],
  [
    'virtual',
    'worker',
    'deployment',
    ['multi_tenant', 'secret_sync', 'deployment', 'progressive_delivery', 'secret_management'],
  ],
  [
    'virtual',
    'worker',
    'pipeline',
    [
      'multi_tenant',
      'secret_sync',
      'gateway',
      'deployment',
      'event_listener',
      'pipeline',
      'secret_management',
    ],
  ],
] as const;

describe('componentCategoriesFor: the v0.4 category table', () => {
  it.each(TABLE)('when a %s %s %s, then it has exactly its row', (type, usage, worker, row) => {
    const categories = componentCategoriesFor({
      cluster_type: type,
      usage,
      worker_type: worker,
    });
    expect([...categories].sort()).toEqual([...row].sort());
  });

  it.each(TABLE)(
    'when a %s %s %s, then the client sends its row minus server-added',
    (type, usage, worker, row) => {
      const client = clientCategoriesFor({ cluster_type: type, usage, worker_type: worker });
      expect([...client].sort()).toEqual(
        row.filter((c) => c !== 'secret_management' && c !== 'oauth_proxy').sort(),
      );
    },
  );

  it.each([
    { cluster_type: 'virtual', usage: 'host' },
    { cluster_type: 'physical', usage: 'worker' },
    { cluster_type: 'physical', usage: 'worker', worker_type: 'other' },
    { cluster_type: '', usage: 'worker', worker_type: 'pipeline' },
    {},
  ])('when the kind is invalid (%o), then it has no categories', (parts) => {
    expect(componentCategoriesFor(parts)).toEqual([]);
  });
});

describe('applyComponentDefaults', () => {
  const pipelineWorker = {
    api_server: 'https://8.217.50.114:6443',
    cluster_type: 'physical',
    usage: 'worker',
    worker_type: 'pipeline',
  };

  it('when nothing is sent, then every category of the kind gets the default component', () => {
    const list = applyComponentDefaults('physical-worker-pipeline', pipelineWorker);
    expect(Object.keys(list).sort()).toEqual([...TABLE[2][3]].sort());
    for (const category of COMPONENT_CATEGORIES) {
      const component = list[category];
      if (component === undefined) continue;
      expect({ name: component.name, namespace: component.namespace }).toEqual(
        DEFAULT_COMPONENTS[category],
      );
    }
    expect(list.deployment?.additions).toEqual({
      host: 'argocd.physical-worker-pipeline.8.217.50.114.nip.io',
    });
    expect(list.pipeline?.additions).toEqual({
      host: 'tekton.physical-worker-pipeline.8.217.50.114.nip.io',
    });
    expect(list.gateway?.additions).toEqual({ httpNodePort: '30080', httpsNodePort: '30443' });
    expect(list.multi_tenant?.additions).toBeUndefined();
  });

  it('when the client sends values, then they are kept and only missing ones defaulted', () => {
    const list = applyComponentDefaults('w', {
      ...pipelineWorker,
      components_list: {
        deployment: {
          name: 'my-argo',
          namespace: '',
          additions: { host: 'argocd.custom.example.com' },
        },
        gateway: { additions: { httpsNodePort: '31443' } },
      },
    });
    expect(list.deployment).toEqual({
      name: 'my-argo',
      namespace: 'argocd',
      additions: { host: 'argocd.custom.example.com' },
    });
    expect(list.gateway?.additions).toEqual({ httpNodePort: '30080', httpsNodePort: '31443' });
  });

  it('when the client sends a category the kind lacks or a server-added one, then it is dropped or replaced', () => {
    const list = applyComponentDefaults('h', {
      api_server: 'https://203.0.113.5:6443',
      cluster_type: 'physical',
      usage: 'host',
      components_list: {
        pipeline: { name: 'tekton' },
        oauth_proxy: { name: 'mine', namespace: 'mine' },
      },
    });
    expect(list.pipeline).toBeUndefined();
    expect(list.oauth_proxy).toEqual(DEFAULT_COMPONENTS.oauth_proxy);
  });

  it('when the API server is a DNS name, then hosts hang under the primary domain (no lookup)', () => {
    expect(componentHostDomain('https://k8s.example.com:6443', 'apps.example.com')).toBe(
      'apps.example.com',
    );
    expect(componentHostDomain('https://k8s.example.com:6443')).toBe('k8s.example.com');
    expect(componentHostDomain('https://203.0.113.7', 'x.example.com')).toBe('203.0.113.7.nip.io');
  });
});

describe('reservedNamespaceProblems', () => {
  const components = applyComponentDefaults('h', {
    api_server: 'https://203.0.113.5:6443',
    cluster_type: 'physical',
    usage: 'host',
  });

  it('when reserved namespaces are component namespaces (server-added too), then none', () => {
    expect(componentNamespaces(components)).toEqual(['oauth2-proxy', 'traefik', 'vault']);
    expect(reservedNamespaceProblems({ traefik: ['p'], vault: ['p'] }, components)).toEqual([]);
  });

  it('when one is not, then it is named', () => {
    const problems = reservedNamespaceProblems({ argocd: ['p'], traefik: ['p'] }, components);
    expect(problems.map((p) => p.namespace)).toEqual(['argocd']);
    expect(problems[0]?.message).toContain('"argocd"');
  });
});

describe('category case', () => {
  it.each(COMPONENT_CATEGORIES)('when %s goes to camelCase and back, then it is the same', (c) => {
    expect(categoryFromCamel(categoryToCamel(c))).toBe(c);
  });

  it('when the names are the CLI file keys, then they match the contract', () => {
    expect(COMPONENT_CATEGORIES.map(categoryToCamel)).toEqual([
      'multiTenant',
      'secretSync',
      'gateway',
      'deployment',
      'progressiveDelivery',
      'pipeline',
      'eventListener',
      'secretManagement',
      'oauthProxy',
    ]);
  });
});
