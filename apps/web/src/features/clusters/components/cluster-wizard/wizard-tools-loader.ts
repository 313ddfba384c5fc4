import { useSyncExternalStore } from 'react';
import type { inspectKubeconfig, tryReduceKubeconfig } from '@cluster-console/shared';
import type * as WizardToolsModule from './wizard-tools';

type WizardTools = typeof WizardToolsModule;

/** What the form needs of the YAML code to read a kubeconfig (see kubeconfig-reader.ts). */
export interface KubeconfigReader {
  inspectKubeconfig: typeof inspectKubeconfig;
  tryReduceKubeconfig: typeof tryReduceKubeconfig;
}

/**
 * The wizard's YAML and zod code (reading a kubeconfig or a CLI file, the shared save rules,
 * the review's Cluster file) is a chunk of its own: opening the wizard does not download it.
 * It is loaded on the first need, which always follows a user action: the first check of a
 * field, a file or text to read, or the review step.
 */
let tools: WizardTools | undefined;
let reader: KubeconfigReader | undefined;
let pending: Promise<WizardTools> | undefined;
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

export function loadWizardTools(): Promise<WizardTools> {
  pending ??= import('./wizard-tools').then(
    (loaded) => {
      tools = loaded;
      changed();
      return loaded;
    },
    (error: unknown) => {
      // A failed download (network) is tried again on the next need.
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/** The tools when loaded; undefined before (callers then show that they are reading). */
export function loadedWizardTools(): WizardTools | undefined {
  return tools;
}

/** Called by kubeconfig-reader.ts as it is evaluated, with the tools or the checks. */
export function provideKubeconfigReader(provided: KubeconfigReader): void {
  reader = provided;
  changed();
}

export function loadedKubeconfigReader(): KubeconfigReader | undefined {
  return reader;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot(): KubeconfigReader | WizardTools | undefined {
  return tools ?? reader;
}

/** Re-renders the caller once the tools (or the kubeconfig reader) have loaded. */
export function useWizardTools(): WizardTools | undefined {
  useSyncExternalStore(subscribe, snapshot, snapshot);
  return tools;
}
