import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Cluster, ClusterView } from '@cluster-console/shared';
import { Alert } from '../../../../components/ui/alert';
import { isApiError } from '../../../../lib/api-error';
import { useKeepWorkOnSessionEnd } from '../../../../lib/session-guard';
import { useClusters } from '../../api/get-clusters';
import { useSaveCluster } from '../../api/save-cluster';
import type { BatchFile } from '../batch-apply/batch-file';
import { CliFileImport } from './cli-file-import';
import { GenerationChoice } from './generation-choice';
import { LeaveGuard } from './leave-guard';
import { StepConnection } from './step-connection';
import { StepDomains } from './step-domains';
import { StepReview } from './step-review';
import { StepWhat } from './step-what';
import { WizardStateContext, type WizardState } from './wizard-context';
import { WizardDone, type SavedCluster } from './wizard-done';
import {
  EMPTY_WIZARD_VALUES,
  type WizardContext,
  type WizardField,
  type WizardValues,
} from './wizard-form';
import { useWizardGeneration } from './wizard-generation';
import { clusterToWizardValues } from './wizard-prefill';
import { firstStepOf, stepAt, WIZARD_STEPS } from './wizard-steps';
import { wizardResolver } from './wizard-resolver';
import { loadedWizardTools } from './wizard-tools-loader';
import { placeSaveError } from './place-save-error';
import { useFollowingDefaults } from './use-following-defaults';
import { WizardActions } from './wizard-actions';
import { WizardStepNav } from './wizard-step-nav';
import { clusterPath } from '../../lib/cluster-paths';
import './wizard.css';

const NO_CLUSTERS: Cluster[] = [];

/**
 * The registration wizard: ONE form, checked step by step. "Next" validates only the fields of
 * the current step (with the same shared rules the clusters API uses); the step index is plain
 * state, so going back never loses anything. `editing`: the cluster as the server returned it,
 * prefilled, opened at the review step, its name fixed.
 */
export function ClusterWizard({
  editing,
  onRegisterAll,
}: {
  editing?: ClusterView;
  /** Offered when an imported file holds several clusters (not when editing). */
  onRegisterAll?: (file: BatchFile) => void;
} = {}) {
  const { t } = useTranslation();
  const clustersQuery = useClusters();
  const all = clustersQuery.data ?? NO_CLUSTERS;
  const clusters = useMemo(() => new Map(all.map((cluster) => [cluster.name, cluster])), [all]);
  const hosts = useMemo(() => all.filter((cluster) => cluster.usage === 'host'), [all]);
  const nautesApi = useWizardGeneration();
  const { generation } = nautesApi;
  const context = useMemo<WizardContext>(() => ({ clusters, generation }), [clusters, generation]);

  const [initialValues] = useState(() =>
    editing ? clusterToWizardValues(editing) : EMPTY_WIZARD_VALUES,
  );
  const form = useForm<WizardValues, WizardContext>({
    defaultValues: initialValues,
    resolver: wizardResolver,
    context,
    mode: 'onTouched',
  });
  const {
    handleSubmit,
    trigger,
    setError,
    setFocus,
    clearErrors,
    getValues,
    getFieldState,
    reset,
    formState,
  } = form;
  const [step, setStep] = useState(editing ? WIZARD_STEPS.length - 1 : 0);
  const [saved, setSaved] = useState<SavedCluster | null>(null);
  const navigate = useNavigate();
  const save = useSaveCluster();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const serverErrorRef = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);

  // An edited cluster's values are the server's, not suggestions: none is overwritten.
  const following = useFollowingDefaults(form, clusters, editing !== undefined);
  const { suggestions, edited, markEdited, followSuggestion, forgetEdits } = following;

  const state = useMemo<WizardState>(
    () => ({
      clusters,
      hosts,
      clustersLoading: clustersQuery.isPending,
      clustersError: clustersQuery.error?.message,
      suggestions,
      edited,
      markEdited,
      followSuggestion,
      generation,
      editingName: editing?.name,
    }),
    [
      editing?.name,
      clusters,
      hosts,
      clustersQuery.isPending,
      clustersQuery.error,
      suggestions,
      edited,
      markEdited,
      followSuggestion,
      generation,
    ],
  );

  // Each step change puts focus on the step's heading, so keyboard and screen-reader users start
  // there; in the commit that shows the step (a layout effect), never a frame on the body.
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const current = stepAt(step);
  const isLast = step === WIZARD_STEPS.length - 1;

  const focusFirstError = (fields: readonly WizardField[]) => {
    const failing = fields.find((field) => getFieldState(field, form.formState).error);
    if (failing) {
      // Radio groups and hidden inputs cannot always take focus; the step heading then does.
      try {
        setFocus(failing);
      } catch {
        headingRef.current?.focus();
      }
    }
  };

  const next = async () => {
    const fields = current.fields(getValues());
    const ok = await trigger(fields);
    if (ok) {
      setStep((index) => Math.min(index + 1, WIZARD_STEPS.length - 1));
    } else {
      focusFirstError(fields);
    }
  };

  const submit = handleSubmit(
    (values) => {
      clearErrors('root.serverError');
      // Nothing is sent until the generation is known or chosen (the Save button says so).
      if (generation === undefined) return;
      // Loaded: the form's checks, which ran just before, are part of the same tools.
      const tools = loadedWizardTools();
      if (!tools) return;
      const name = values.cluster_name;
      const updated = editing !== undefined || clusters.has(name);
      save.mutate(
        { name, body: tools.buildSaveBody(values, generation) },
        {
          onSuccess: (result) => {
            setSaved({
              name,
              profile: values.profile || 'physical-host',
              workerType: values.worker_type,
              updated,
              message: result?.message ?? '',
              savedAt: new Date().toISOString(),
            });
          },
          onError: (error) => {
            // The session ended: the page-wide alert says so and the form stays as it is.
            if (isApiError(error) && error.status === 401) return;
            const target = placeSaveError(error, values, setError);
            if (target !== undefined) setStep(target);
          },
        },
      );
    },
    (errors) => {
      const target = firstStepOf(Object.keys(errors));
      if (target !== undefined && target !== step) setStep(target);
    },
  );

  const onFormSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // Enter in a field means "Next" until the last step.
    if (!isLast || save.isPending) {
      event.preventDefault();
      if (!isLast) void next();
      return;
    }
    void submit(event);
  };

  const goToStep = (index: number) => {
    if (index < step) setStep(index);
  };

  const startOver = () => {
    if (editing) {
      void navigate('/clusters/new');
      return;
    }
    reset(EMPTY_WIZARD_VALUES);
    forgetEdits();
    setSaved(null);
    save.reset();
    setStep(0);
  };

  const serverError = formState.errors.root?.serverError;
  // Save is at the bottom, the alert at the top of the step: bring it into view and focus.
  const serverErrorMessage = serverError?.message;
  useLayoutEffect(() => {
    if (serverErrorMessage) serverErrorRef.current?.focus();
  }, [serverErrorMessage]);
  const dirty = formState.isDirty && !saved;
  // A 401 keeps this page and what was typed (see SessionEndedAlert) instead of redirecting.
  useKeepWorkOnSessionEnd((dirty || editing !== undefined) && !saved);

  if (saved) {
    return (
      <>
        <LeaveGuard when={false} />
        <WizardDone saved={saved} onAnother={startOver} />
      </>
    );
  }

  return (
    <WizardStateContext.Provider value={state}>
      <FormProvider {...form}>
        <LeaveGuard when={dirty && !save.isPending} />
        <div className="wizard">
          <WizardStepNav step={step} onGoBackTo={goToStep} />

          <form
            className="card wizard-card"
            onSubmit={onFormSubmit}
            noValidate
            aria-labelledby="wizard-step-title"
          >
            <h2 id="wizard-step-title" ref={headingRef} tabIndex={-1} className="wizard-step-title">
              <span className="muted small">
                {t('wizard.stepOf', { current: step + 1, total: WIZARD_STEPS.length })}
              </span>
              <span>{t(`wizard.steps.${current.id}`)}</span>
            </h2>
            <p className="muted">{t(`wizard.leads.${current.id}`)}</p>

            {serverError?.message ? (
              <div ref={serverErrorRef} tabIndex={-1} className="focus-target">
                <Alert tone="error" title={t('wizard.saveFailed')}>
                  {serverError.message.split('\n').map((line) => (
                    <p key={line}>{line}</p>
                  ))}
                </Alert>
              </div>
            ) : null}

            <GenerationChoice generation={nautesApi} />

            <CliFileImport
              active={current.id === 'what'}
              goToStep={setStep}
              onRegisterAll={onRegisterAll}
            />
            {current.id === 'what' ? <StepWhat /> : null}
            {current.id === 'connection' ? <StepConnection /> : null}
            {current.id === 'domains' ? <StepDomains /> : null}
            {current.id === 'review' ? <StepReview onEditStep={goToStep} /> : null}

            <WizardActions
              isFirst={step === 0}
              isLast={isLast}
              cancelTo={editing ? clusterPath(editing.name) : '/clusters'}
              generation={nautesApi}
              saving={save.isPending}
              updating={clusters.has(getValues('cluster_name'))}
              onBack={() => setStep(step - 1)}
            />
          </form>
        </div>
      </FormProvider>
    </WizardStateContext.Provider>
  );
}
