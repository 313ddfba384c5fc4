import { useEffect, useMemo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { clusterApiPath, v04BodyToV03 } from '@cluster-console/shared';
import { Alert } from '../../../../components/ui/alert';
import { CopyButton } from '../../../../components/ui/copy-button';
import { Spinner } from '../../../../components/ui/spinner';
import { workerTypeLabel } from '../../lib/cluster-labels';
import { useWizardState } from './wizard-context';
import type { WizardValues } from './wizard-form';
import { loadWizardTools, useWizardTools, type WizardTools } from './wizard-tools-loader';
import './summary-list.css';
import './step-review.css';

/** The review needs the YAML writer (and the kubeconfig reader): it waits for them, saying so. */
export function StepReview({ onEditStep }: { onEditStep: (step: number) => void }) {
  const { t } = useTranslation();
  const tools = useWizardTools();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadWizardTools().catch(() => setFailed(true));
  }, []);
  if (tools) return <ReviewContent tools={tools} onEditStep={onEditStep} />;
  return failed ? (
    <Alert>{t('wizard.review.loadFailed')}</Alert>
  ) : (
    <Spinner label={t('wizard.review.preparing')} />
  );
}

function ReviewContent({
  tools,
  onEditStep,
}: {
  tools: WizardTools;
  onEditStep: (step: number) => void;
}) {
  const { t } = useTranslation();
  const { control } = useFormContext<WizardValues>();
  const values = useWatch<WizardValues>({ control }) as WizardValues;
  const { generation } = useWizardState();
  const name = values.cluster_name;
  // The summary speaks of the user's settings (hosts, ports) whichever generation carries them.
  const body = useMemo(
    () =>
      generation === 'v0.4' ? v04BodyToV03(tools.toSaveBodyV04(values)) : tools.toSaveBody(values),
    [tools, values, generation],
  );
  const requestJson = useMemo(
    () => JSON.stringify(tools.redactedRequest(values, generation), null, 2),
    [tools, values, generation],
  );
  const yaml = useMemo(
    () => tools.clusterResourcePreview(name, values, generation),
    [tools, name, values, generation],
  );
  const location = tools.clusterFileLocation(name);
  const summary: { label: string; value: string | undefined; step: number }[] = [
    { label: t('wizard.fields.clusterName'), value: name, step: 0 },
    {
      label: t('wizard.review.kind'),
      value: values.profile ? t(`wizard.what.profiles.${values.profile}.title`) : '',
      step: 0,
    },
    { label: t('wizard.fields.workerType'), value: workerTypeLabel(t, body.worker_type), step: 0 },
    { label: t('wizard.fields.hostCluster'), value: body.host_cluster, step: 1 },
    { label: t('wizard.fields.apiServer'), value: body.api_server, step: 1 },
    { label: t('wizard.fields.vclusterPort'), value: body.vcluster?.https_node_port, step: 1 },
    {
      label: t('wizard.fields.kubeconfig'),
      value: body.kubeconfig
        ? t('wizard.review.kubeconfigIncluded')
        : body.cluster_type === 'physical'
          ? generation === 'v0.4'
            ? t('wizard.review.kubeconfigNeeded')
            : t('wizard.review.kubeconfigKept')
          : undefined,
      step: 1,
    },
    { label: t('wizard.fields.primaryDomain'), value: body.primary_domain, step: 2 },
    { label: t('wizard.fields.argocdHost'), value: body.argocd_host, step: 2 },
    { label: t('wizard.fields.tektonHost'), value: body.tekton_host, step: 2 },
    { label: t('wizard.fields.traefikHttp'), value: body.traefik?.http_node_port, step: 2 },
    { label: t('wizard.fields.traefikHttps'), value: body.traefik?.https_node_port, step: 2 },
  ];

  return (
    <>
      <section aria-labelledby="review-summary" className="review-section">
        <h3 id="review-summary">{t('wizard.review.summary')}</h3>
        <dl className="summary-list summary-list-wide">
          {summary
            .filter((row) => row.value)
            .map((row) => (
              <div key={row.label}>
                <dt>{row.label}</dt>
                <dd>
                  <span className="mono">{row.value}</span>{' '}
                  <button
                    type="button"
                    className="link-button small"
                    onClick={() => onEditStep(row.step)}
                    aria-label={t('wizard.review.editField', { field: row.label })}
                  >
                    {t('common.edit')}
                  </button>
                </dd>
              </div>
            ))}
        </dl>
      </section>
      <section aria-labelledby="review-request" className="review-section">
        <div className="section-heading">
          <h3 id="review-request">{t('wizard.review.request')}</h3>
          <CopyButton value={requestJson} label={t('wizard.review.request')} />
        </div>
        <p className="field-hint">
          <code>POST {clusterApiPath(name)}</code> — {t('wizard.review.requestHint')}
        </p>
        <pre className="code-block" tabIndex={0} aria-labelledby="review-request">
          {requestJson}
        </pre>
      </section>
      <section aria-labelledby="review-yaml" className="review-section">
        <div className="section-heading">
          <h3 id="review-yaml">{t('wizard.review.resource')}</h3>
          <CopyButton value={yaml} label={t('wizard.review.resource')} />
        </div>
        <p className="field-hint">
          <code>{location.file}</code> —{' '}
          {/* Two sentences: English puts a space between them, Chinese none. */}
          {t('wizard.review.sentences', {
            first: t('wizard.review.resourceHint'),
            second: generation
              ? t('wizard.generation.previewFor', { version: generation })
              : t('wizard.generation.previewUnknown'),
          })}
        </p>
        <pre className="code-block" tabIndex={0} aria-labelledby="review-yaml">
          {yaml}
        </pre>
        {body.cluster_type === 'physical' && body.kubeconfig ? (
          <p className="field-hint">
            {t('wizard.review.secretHint', { location: location.secret })}
          </p>
        ) : null}
      </section>
    </>
  );
}
