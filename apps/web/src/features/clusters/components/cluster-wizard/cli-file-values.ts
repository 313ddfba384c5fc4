/**
 * A cluster read from a Nautes CLI file (`readCliClusterFile`'s draft) as the wizard's form
 * values: every field the form has a place for, and a note for each value it has none for.
 * The file's own reading problems are the reader's notes; these are the wizard's.
 */
import {
  CLIENT_COMPONENT_CATEGORIES,
  inspectKubeconfig,
  type CliClusterDraft,
} from '@cluster-console/shared';
import {
  categoriesOf,
  defaultComponentValues,
  managedAdditionsOf,
  type ComponentsValues,
} from './wizard-components';
import { EMPTY_WIZARD_VALUES, profileParts, type Profile, type WizardValues } from './wizard-form';
import type { ClusterResourceRow, ReservedNamespaceRow } from './wizard-maps';

/** Something the file holds that the form cannot take; a `cliImport.notes.*` text and its values. */
export interface CliValueNote {
  key: 'clusterKind' | 'profile' | 'workerType' | 'unusedField' | 'unusedComponent';
  values: Record<string, string>;
}

function profileOf(type: string | undefined, usage: string | undefined): Profile | '' {
  if (type === 'physical' && usage === 'host') return 'physical-host';
  if (type === 'physical' && usage === 'worker') return 'physical-worker';
  if (type === 'virtual' && usage === 'worker') return 'virtual-worker';
  return '';
}

const has = (value: string | undefined): value is string => value !== undefined && value !== '';

/** The file's kubeconfig context kubectl would use, as an upload starts from. */
function currentContextOf(kubeconfig: string): string {
  const inspected = inspectKubeconfig(kubeconfig);
  return inspected.ok ? (inspected.kubeconfig.currentContext ?? '') : '';
}

function componentsOf(
  draft: CliClusterDraft,
  kept: readonly string[],
  notes: CliValueNote[],
): ComponentsValues {
  const out = Object.fromEntries(
    CLIENT_COMPONENT_CATEGORIES.map((category) => [category, defaultComponentValues(category)]),
  ) as ComponentsValues;
  for (const category of CLIENT_COMPONENT_CATEGORIES) {
    const component = draft.components?.[category];
    if (component === undefined) continue;
    if (!kept.includes(category)) {
      notes.push({ key: 'unusedComponent', values: { category } });
      continue;
    }
    const fallback = defaultComponentValues(category);
    const managed = managedAdditionsOf(category).map(({ key }) => key);
    out[category] = {
      name: has(component.name) ? component.name : fallback.name,
      namespace: has(component.namespace) ? component.namespace : fallback.namespace,
      additions: Object.entries(component.additions ?? {})
        .filter(([key]) => !managed.includes(key))
        .map(([key, value]) => ({ key, value })),
    };
  }
  return out;
}

function reservedRows(map: CliClusterDraft['reserved_namespaces_allowed_products']) {
  return Object.entries(map ?? {}).map(([namespace, products]): ReservedNamespaceRow => ({
    namespace,
    products: products.join(', '),
  }));
}

function resourceRows(map: CliClusterDraft['product_allowed_cluster_resources']) {
  return Object.entries(map ?? {}).flatMap(([product, list]) =>
    list.map(({ kind, group }): ClusterResourceRow => ({ product, kind, group })),
  );
}

/**
 * The form filled from a draft, starting from an empty wizard (nothing of the current form is
 * kept: the caller asks first). `notes`: what the form had no place for.
 */
export function cliDraftToWizardValues(draft: CliClusterDraft): {
  values: WizardValues;
  notes: CliValueNote[];
} {
  const notes: CliValueNote[] = [];
  if (has(draft.cluster_kind) && draft.cluster_kind !== 'kubernetes') {
    notes.push({ key: 'clusterKind', values: { value: draft.cluster_kind } });
  }
  const profile = profileOf(draft.cluster_type, draft.usage);
  if (profile === '' && (has(draft.cluster_type) || has(draft.usage))) {
    notes.push({
      key: 'profile',
      values: { type: draft.cluster_type ?? '', usage: draft.usage ?? '' },
    });
  }
  const { type, usage } = profileParts(profile);
  let workerType: WizardValues['worker_type'] = '';
  if (draft.worker_type === 'pipeline' || draft.worker_type === 'deployment') {
    workerType = draft.worker_type;
  } else if (has(draft.worker_type)) {
    notes.push({ key: 'workerType', values: { value: draft.worker_type } });
  }
  const unused = (field: string, value: string | undefined, usable: boolean): string => {
    if (!has(value)) return '';
    if (!usable) {
      notes.push({ key: 'unusedField', values: { field, value } });
      return '';
    }
    return value;
  };
  if (usage === 'host' && workerType !== '') {
    notes.push({ key: 'unusedField', values: { field: 'workerType', value: workerType } });
    workerType = '';
  }
  const physical = type === 'physical';
  const virtual = type === 'virtual';
  const kubeconfig = unused('kubeconfig', draft.kubeconfig, !virtual);
  const traefik = draft.traefik;
  const values: WizardValues = {
    ...EMPTY_WIZARD_VALUES,
    profile,
    worker_type: workerType,
    cluster_name: draft.name ?? '',
    kubeconfig,
    kubeconfig_context: kubeconfig === '' ? '' : currentContextOf(kubeconfig),
    host_cluster: unused('hostCluster', draft.host_cluster, !physical),
    api_server: draft.api_server ?? '',
    primary_domain: draft.primary_domain ?? '',
    argocd_host: unused('argocdHost', draft.argocd_host, usage !== 'host'),
    tekton_host: unused(
      'tektonHost',
      draft.tekton_host,
      usage !== 'host' && workerType !== 'deployment',
    ),
    traefik: {
      http_node_port: traefik?.http_node_port ?? EMPTY_WIZARD_VALUES.traefik.http_node_port,
      https_node_port: traefik?.https_node_port ?? EMPTY_WIZARD_VALUES.traefik.https_node_port,
    },
    vcluster: {
      https_node_port: unused('vcluster.httpsNodePort', draft.vcluster?.https_node_port, !physical),
    },
    components: componentsOf(draft, categoriesOf(type, usage, workerType), notes),
    reserved_namespaces: reservedRows(draft.reserved_namespaces_allowed_products),
    cluster_resources: resourceRows(draft.product_allowed_cluster_resources),
  };
  return { values, notes };
}
