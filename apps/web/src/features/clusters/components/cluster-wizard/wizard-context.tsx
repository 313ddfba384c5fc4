import { createContext, useContext } from 'react';
import type { Cluster, NautesApiVersion } from '@cluster-console/shared';
import type { FollowingField, Suggestions } from './wizard-suggestions';

export interface WizardState {
  clusters: ReadonlyMap<string, Cluster>;
  hosts: readonly Cluster[];
  clustersLoading: boolean;
  clustersError?: string;
  suggestions: Suggestions;
  edited: ReadonlySet<FollowingField>;
  markEdited: (field: FollowingField) => void;
  followSuggestion: (field: FollowingField) => void;
  /** The Nautes API generation the body is built for; undefined while unknown. */
  generation: NautesApiVersion | undefined;
  /** The cluster being edited (its name is fixed); undefined when registering. */
  editingName?: string | undefined;
}

export const WizardStateContext = createContext<WizardState | null>(null);

export function useWizardState(): WizardState {
  const state = useContext(WizardStateContext);
  if (!state) throw new Error('useWizardState must be used inside the cluster wizard');
  return state;
}
