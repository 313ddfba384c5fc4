import type { FieldErrors, Resolver } from 'react-hook-form';
import {
  validateClusterName,
  validateSaveRequest,
  validateSaveRequestV04,
} from '@cluster-console/shared';
import { inspect } from './kubeconfig-tools';
import { toSaveBody, toSaveBodyV04 } from './wizard-body';
import { categoriesOf, managedAdditionsOf } from './wizard-components';
import { formFieldFor } from './wizard-field-paths';
import { lockProblems } from './wizard-locks';
import {
  profileParts,
  selectedContextName,
  type WizardContext,
  type WizardField,
  type WizardValues,
} from './wizard-form';

/** Additions rows: a key is needed, and the domains step's keys are set there, not here. */
function additionProblems(values: WizardValues, errors: Partial<Record<WizardField, string>>) {
  const { type, usage } = profileParts(values.profile);
  for (const category of categoriesOf(type, usage, values.worker_type)) {
    const managed = managedAdditionsOf(category).map((entry) => entry.key);
    values.components[category].additions.forEach((row, index) => {
      const key = row.key.trim();
      if (key === '' && row.value.trim() !== '') {
        errors[`components.${category}.additions.${index}.key`] =
          'Enter a key for this value, or remove the row.';
      } else if (managed.includes(key)) {
        errors[`components.${category}.additions.${index}.key`] =
          `"${key}" is set by its own field above: change it there, and remove this row.`;
      }
    });
  }
}

/** Every problem with the form as it stands, keyed by wizard field (messages from the shared rules). */
export function validateWizard(
  values: WizardValues,
  context: WizardContext,
): Partial<Record<WizardField, string>> {
  const errors: Partial<Record<WizardField, string>> = {};
  if (!values.profile) errors.profile = 'Choose what kind of cluster to register.';
  const nameProblem = validateClusterName(values.cluster_name);
  if (nameProblem) errors.cluster_name = nameProblem;
  const { type } = profileParts(values.profile);
  const existing = context.clusters.get(values.cluster_name);

  if (type === 'physical') {
    const inspection = inspect(values.kubeconfig);
    if (inspection.state === 'invalid') {
      errors.kubeconfig = inspection.error;
    } else if (inspection.state === 'ok' && inspection.info.contexts.length > 1) {
      if (!selectedContextName(inspection.info, values.kubeconfig_context)) {
        errors.kubeconfig_context = 'Choose the context of the cluster to register.';
      }
    }
  }
  if (type === 'virtual' && values.host_cluster) {
    const host = context.clusters.get(values.host_cluster);
    if (host && host.usage !== 'host') {
      errors.host_cluster = `"${values.host_cluster}" is not a host cluster: choose a cluster registered as a host.`;
    }
  }

  for (const [field, message] of Object.entries(lockProblems(values, context.clusters))) {
    errors[field as WizardField] ??= message;
  }

  if (values.profile) {
    const v04 = context.generation === 'v0.4';
    if (v04) additionProblems(values, errors);
    const options = {
      // Updating a physical cluster without a kubeconfig keeps the stored one; v0.4 requires it again.
      kubeconfigOptional: !v04 && existing?.cluster_type === 'physical',
    };
    const result = v04
      ? validateSaveRequestV04(values.cluster_name, toSaveBodyV04(values), options)
      : validateSaveRequest(values.cluster_name, toSaveBody(values), options);
    if (!result.ok) {
      for (const [path, message] of Object.entries(result.fieldErrors)) {
        const field = formFieldFor(path, values);
        if (field && !errors[field]) errors[field] = message;
      }
    }
  }
  return errors;
}

/** Sets `value` at a dotted path; a numeric key makes an array, as react-hook-form keeps row errors. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key, index) => {
    node[key] ??= /^\d+$/.test(keys[index + 1] ?? '') ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1] ?? path] = value;
}

/** react-hook-form resolver over the shared rules: the same ones the clusters API applies. */
export const wizardResolver: Resolver<WizardValues, WizardContext> = (values, context) => {
  const errors = validateWizard(values, context ?? { clusters: new Map() });
  const entries = Object.entries(errors);
  if (entries.length === 0) return { values, errors: {} };
  const fieldErrors: Record<string, unknown> = {};
  for (const [path, message] of entries) setPath(fieldErrors, path, { type: 'validate', message });
  return { values: {}, errors: fieldErrors as FieldErrors<WizardValues> };
};
