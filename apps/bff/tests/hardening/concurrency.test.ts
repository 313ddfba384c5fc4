/**
 * Concurrency through the BFF, against the real clusters API, Git remote and secret store:
 * 100 different clusters registered at once all land (file, kustomization entry, secret), and
 * 20 saves of one name at once leave exactly one of the submitted bodies, with the file and the
 * stored kubeconfig from the same request (each body carries its own marker in both).
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  CLUSTERS_DIR,
  KUSTOMIZATION_PATH,
  parseClusterResourceYaml,
  parseKustomizationResources,
} from '@cluster-console/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpBrowser } from '../support/http-browser';
import { signIn } from '../support/sign-in';
import { startHardeningStack, type HardeningStack } from './support/hardening-stack';
import { markedHostBody, markerOf } from './support/kubeconfigs';
import { SecretLeakScan } from './support/secret-leaks';
import { cloneTenantRepo, readKubeconfigs } from './support/tenant-store';

let stack: HardeningStack;
let maintainer: HttpBrowser;
const scan = new SecretLeakScan();

interface Landed {
  files: Map<string, string | undefined>;
  kustomization: string[];
  kubeconfigs: Map<string, string>;
}

/** The cluster files (name -> marker), the kustomization and the stored kubeconfigs. */
function landed(): Landed {
  const clone = cloneTenantRepo(stack.bareRepo);
  try {
    const kustomization = parseKustomizationResources(
      readFileSync(path.join(clone, KUSTOMIZATION_PATH), 'utf8'),
    );
    const files = new Map<string, string | undefined>();
    for (const entry of kustomization) {
      const resource = parseClusterResourceYaml(
        readFileSync(path.join(clone, CLUSTERS_DIR, entry), 'utf8'),
      );
      files.set(resource.metadata.name, resource.spec.primaryDomain?.split('.')[0]);
    }
    return {
      files,
      kustomization,
      kubeconfigs: readKubeconfigs(stack.secretsDir, stack.secretsKey),
    };
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}

function save(name: string, marker: string) {
  const { body, secrets } = markedHostBody(marker);
  scan.addKubeconfig(secrets.kubeconfig, secrets.secrets);
  return maintainer.api(`${stack.bff.url}/api/v1/clusters/${name}`, { method: 'POST', json: body });
}

beforeAll(async () => {
  stack = await startHardeningStack({ bffEnv: { MUTATION_RATE_LIMIT: '100000' } });
  maintainer = (await signIn(stack.bff.url, { username: 'maintainer', password: 'maintainer' }))
    .browser;
  scan.watch(maintainer);
  await scan.addSessionTokens(stack.bff.services.store, maintainer);
});

afterAll(async () => {
  await stack?.close();
});

describe('concurrent changes through the BFF', { timeout: 120_000 }, () => {
  it('when 100 different clusters are registered at once, then all 100 land: file, kustomization entry and secret', async () => {
    const names = Array.from({ length: 100 }, (_, i) => `many-${String(i).padStart(3, '0')}`);
    const answers = await Promise.all(names.map((name) => save(name, `m-${name}`)));
    expect(answers.filter((answer) => answer.status !== 200).map((a) => a.body)).toEqual([]);

    const state = landed();
    expect(state.kustomization).toEqual(names.map((name) => `${name}.yaml`));
    for (const name of names) {
      expect(state.files.get(name)).toBe(`m-${name}`);
      expect(markerOf(state.kubeconfigs.get(name) ?? '')).toBe(`m-${name}`);
    }
    expect([...state.kubeconfigs.keys()].sort()).toEqual(names);

    const list = await maintainer.api(
      `${stack.bff.url}/api/v1/clusters?field_selector=cluster_name%3Dmany-`,
    );
    expect(list.json<{ items: { name: string }[] }>().items.map((item) => item.name)).toEqual(
      names,
    );
  });

  it('when 20 saves of one name arrive at once, then one of the bodies is kept, its file and its kubeconfig from the same request', async () => {
    const markers = Array.from({ length: 20 }, (_, i) => `same-${String(i).padStart(2, '0')}`);
    const answers = await Promise.all(markers.map((marker) => save('one-name', marker)));
    expect(answers.map((answer) => answer.status)).toEqual(markers.map(() => 200));

    const state = landed();
    const fileMarker = state.files.get('one-name');
    expect(markers).toContain(fileMarker);
    expect(markerOf(state.kubeconfigs.get('one-name') ?? '')).toBe(fileMarker);
    expect(state.kustomization.filter((entry) => entry === 'one-name.yaml')).toHaveLength(1);
    expect(state.kubeconfigs.size).toBe(101);
  });

  it('when every answer and every log line is searched, then no token and no part of a kubeconfig appears', async () => {
    await scan.addSessionTokens(stack.bff.services.store, maintainer);
    expect(scan.secretCount).toBeGreaterThan(500);
    expect(scan.findLeaks(stack.logs())).toEqual([]);
  });
});
