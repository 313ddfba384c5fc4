import { useSyncExternalStore } from 'react';
import type * as WizardToolsModule from './wizard-tools';
import type { KubeconfigInspection } from './wizard-form';

export type WizardTools = typeof WizardToolsModule;

/**
 * The wizard's YAML and zod code (reading a kubeconfig or a CLI file, the shared save rules,
 * the review's Cluster file) is a chunk of its own, wizard-tools.ts: opening the wizard does
 * not download it. It is awaited on the first need, which always follows a user action: the
 * first check of a field, a file or text to read, or the review step. Nothing in that chunk
 * imports this file, so the two never form a circle.
 */
let tools: WizardTools | undefined;
let pending: Promise<WizardTools> | undefined;
const listeners = new Set<() => void>();

export function loadWizardTools(): Promise<WizardTools> {
  pending ??= import('./wizard-tools').then(
    (loaded) => {
      tools = loaded;
      for (const listener of listeners) listener();
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

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => tools;

/** Re-renders the caller once the tools have loaded. */
export function useWizardTools(): WizardTools | undefined {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/**
 * The kubeconfig as the form shows it: `reading` until the tools are here (asking for them;
 * callers re-render through useWizardTools), then what the YAML reader says.
 */
export function inspectWith(
  loaded: WizardTools | undefined,
  kubeconfig: string,
): KubeconfigInspection {
  if (kubeconfig.trim() === '') return { state: 'empty' };
  if (loaded) return loaded.inspect(kubeconfig);
  loadWizardTools().catch(() => undefined);
  return { state: 'reading' };
}
