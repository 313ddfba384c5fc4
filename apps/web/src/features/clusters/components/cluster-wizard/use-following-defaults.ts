import { useCallback, useEffect, useMemo, useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { CLIENT_COMPONENT_CATEGORIES, type Cluster } from '@cluster-console/shared';
import { categoriesOf, defaultComponentValues, isDefaultComponent } from './wizard-components';
import { profileParts, type WizardContext, type WizardValues } from './wizard-form';
import {
  computeSuggestions,
  FOLLOWING_FIELDS,
  type FollowingField,
  type Suggestions,
} from './wizard-suggestions';
import { inspectWith, useWizardTools } from './wizard-tools-loader';

export interface FollowingDefaults {
  suggestions: Suggestions;
  /** The following fields the user has edited by hand: no suggestion overwrites them. */
  edited: ReadonlySet<FollowingField>;
  markEdited: (field: FollowingField) => void;
  followSuggestion: (field: FollowingField) => void;
  /** Start over: every following field follows its suggestion again. */
  forgetEdits: () => void;
}

/**
 * The fields that follow others (domains from the API server, hosts from the domain, ...):
 * suggestions recomputed from the live values and applied to the fields not edited by hand;
 * and the component categories this kind of cluster lacks, put back to their defaults so that
 * they come back with them if the kind changes again. `editing`: every value is the server's.
 */
export function useFollowingDefaults(
  form: UseFormReturn<WizardValues, WizardContext>,
  clusters: ReadonlyMap<string, Cluster>,
  editing: boolean,
): FollowingDefaults {
  const { getValues, setValue, getFieldState } = form;
  const [edited, setEdited] = useState<ReadonlySet<FollowingField>>(
    () => new Set(editing ? FOLLOWING_FIELDS : []),
  );
  const watched = useWatch({ control: form.control }) as WizardValues;
  // Suggestions read the kubeconfig: computed again once its reader has downloaded.
  const tools = useWizardTools();
  const suggestions = useMemo(
    () => computeSuggestions(watched, clusters, (kubeconfig) => inspectWith(tools, kubeconfig)),
    [tools, watched, clusters],
  );
  useEffect(() => {
    for (const field of FOLLOWING_FIELDS) {
      if (edited.has(field)) continue;
      const value = suggestions[field];
      if (getValues(field) !== value) {
        setValue(field, value, { shouldValidate: getFieldState(field).error !== undefined });
      }
    }
  }, [suggestions, edited, getValues, setValue, getFieldState]);

  const { type, usage } = profileParts(watched.profile);
  const categoriesKey = categoriesOf(type, usage, watched.worker_type).join(',');
  useEffect(() => {
    const kept = categoriesKey.split(',');
    for (const category of CLIENT_COMPONENT_CATEGORIES) {
      if (kept.includes(category)) continue;
      if (!isDefaultComponent(category, getValues(`components.${category}`))) {
        setValue(`components.${category}`, defaultComponentValues(category));
      }
    }
  }, [categoriesKey, getValues, setValue]);

  const markEdited = useCallback(
    (field: FollowingField) =>
      setEdited((current) => (current.has(field) ? current : new Set(current).add(field))),
    [],
  );
  const followSuggestion = useCallback((field: FollowingField) => {
    setEdited((current) => {
      const next = new Set(current);
      next.delete(field);
      return next;
    });
  }, []);
  const forgetEdits = useCallback(() => setEdited(new Set()), []);
  return { suggestions, edited, markEdited, followSuggestion, forgetEdits };
}
