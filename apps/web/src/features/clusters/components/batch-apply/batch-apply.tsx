import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../../components/ui/alert';
import { useClusters } from '../../api/get-clusters';
import { planApply } from '../../lib/plan-apply';
import { GenerationChoice } from '../cluster-wizard/generation-choice';
import { useWizardGeneration } from '../cluster-wizard/wizard-generation';
import { ApplyTable } from './apply-table';
import type { BatchFile } from './batch-file';
import { useApplyRun } from './use-apply-run';
import './batch-apply.css';
import '../cluster-wizard/wizard.css';

/**
 * "Register all" for a Nautes CLI file with several clusters: a review of every cluster (what
 * it is, what it changes, its problems with document and line), nothing sent until the user
 * confirms, then one request per cluster in dependency order with each one's progress and
 * result. The kubeconfigs in the file are sent, never shown.
 */
export function BatchApply({ file, onBack }: { file: BatchFile; onBack: () => void }) {
  const { t } = useTranslation();
  const generation = useWizardGeneration();
  const clusters = useClusters();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // In the commit that shows it, so the focus never rests on the body in between.
  useLayoutEffect(() => headingRef.current?.focus(), []);

  const rows = useMemo(
    () =>
      generation.generation && clusters.data
        ? planApply(file.documents, generation.generation, clusters.data)
        : [],
    [file.documents, generation.generation, clusters.data],
  );
  const run = useApplyRun(rows);
  const sendable = rows.filter((row) => row.body).length;
  const outcomes = [...run.progress.values()].filter((value) => typeof value === 'object');
  const count = (result: string) => outcomes.filter((outcome) => outcome.result === result).length;

  return (
    <section className="card batch-apply" aria-labelledby="batch-apply-title">
      <h2 id="batch-apply-title" ref={headingRef} tabIndex={-1}>
        {t('batch.apply.title', { source: file.source })}
      </h2>
      <p className="muted">{t('batch.apply.lead')}</p>
      <GenerationChoice generation={generation} />
      {clusters.isPending ? <p role="status">{t('batch.apply.loadingRegistered')}</p> : null}
      {clusters.error ? <Alert tone="error">{clusters.error.message}</Alert> : null}
      {rows.length > 0 ? <ApplyTable rows={rows} progress={run.progress} /> : null}

      <p role="status" className="batch-apply-summary">
        {run.phase === 'review' && rows.length > 0
          ? t('batch.apply.willSend', { count: sendable, problems: rows.length - sendable })
          : null}
        {run.phase === 'running'
          ? t('batch.apply.progress', { done: outcomes.length, total: rows.length })
          : null}
        {run.phase === 'done'
          ? t('batch.apply.finished', {
              saved: count('done'),
              failed: count('failed'),
              skipped: count('skipped'),
            })
          : null}
      </p>

      <div className="wizard-actions">
        {run.phase === 'review' ? (
          <button type="button" className="button" onClick={onBack}>
            {t('batch.apply.back')}
          </button>
        ) : null}
        {run.phase === 'running' ? (
          <button type="button" className="button" onClick={run.stop}>
            {t('batch.apply.stop')}
          </button>
        ) : null}
        {run.phase === 'done' ? (
          <Link to="/clusters" className="button">
            {t('batch.apply.toList')}
          </Link>
        ) : null}
        <span className="spacer" />
        {run.phase === 'review' ? (
          <button
            type="button"
            className="button button-primary"
            disabled={sendable === 0 || generation.generation === undefined}
            onClick={run.start}
          >
            {t('batch.apply.confirm', { count: sendable })}
          </button>
        ) : null}
      </div>
    </section>
  );
}
