import { useId, useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DropZone } from '../../../../components/ui/drop-zone';
import type { CliFileIssue, CliFileReadResult } from '@cluster-console/shared';
import { describeKind } from '../../lib/cluster-labels';
import { Alert } from '../../../../components/ui/alert';
import { Dialog } from '../../../../components/ui/dialog';
import '../cli-file.css';
import type { BatchFile } from '../batch-apply/batch-file';
import { CliImportSummary, type ImportedFile } from './cli-import-summary';
import { issueText } from './cli-issue-text';
import { Disclosure } from './disclosure';
import { useWizardState } from './wizard-context';
import type { WizardValues } from './wizard-form';
import { WIZARD_STEPS } from './wizard-steps';
import { FOLLOWING_FIELDS } from './wizard-suggestions';
import { loadedWizardTools, loadWizardTools } from './wizard-tools-loader';
import './choice.css';

type GoodDocument = Extract<
  Extract<CliFileReadResult, { ok: true }>['documents'][number],
  { ok: true }
>;

/**
 * "Import a Nautes CLI file" on the wizard's first step: the Cluster YAML the CLI applies, by
 * upload, drop or paste. It is read in the browser (`readCliClusterFile`); a file with several
 * clusters lets the user pick one; the form is then filled (after asking, when the user had
 * typed something) and the wizard goes to the review step. What the form could not use stays
 * listed above every step until dismissed.
 */
export function CliFileImport({
  active,
  goToStep,
  onRegisterAll,
}: {
  /** The first step is shown: offer the import; on the other steps only the last import's notes. */
  active: boolean;
  /** Called with the review step's index once the form is filled. */
  goToStep: (index: number) => void;
  /** "Register all": the whole file to review and save, when the file holds several clusters. */
  onRegisterAll?: ((file: BatchFile) => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const told = (issue: CliFileIssue) => issueText(t, i18n.language, issue);
  const fileId = useId();
  const pasteId = useId();
  const { reset, formState } = useFormContext<WizardValues>();
  const { markEdited, followSuggestion } = useWizardState();
  const [pasted, setPasted] = useState('');
  const [source, setSource] = useState('');
  const [problem, setProblem] = useState<string>();
  const [result, setResult] = useState<CliFileReadResult>();
  const [chosen, setChosen] = useState<number>();
  const [confirming, setConfirming] = useState<GoodDocument>();
  const [imported, setImported] = useState<ImportedFile>();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const isDirty = formState.isDirty;

  const good = result?.ok ? result.documents.filter((doc): doc is GoodDocument => doc.ok) : [];
  const bad = result?.ok ? result.documents.filter((doc) => !doc.ok) : [];
  const selected = good.find((doc) => doc.index === chosen) ?? good[0];

  const fill = (doc: GoodDocument, from: string) => {
    // Loaded: the document was read with the same tools.
    const tools = loadedWizardTools();
    if (!tools) return;
    const { values, notes } = tools.cliDraftToWizardValues(doc.cluster);
    reset(values, { keepDefaultValues: true });
    // What the file says wins over the wizard's suggestions; what it leaves out follows them.
    for (const field of FOLLOWING_FIELDS) {
      if (values[field] !== '') markEdited(field);
      else followSuggestion(field);
    }
    setImported({
      name: doc.cluster.name ?? '',
      source: from,
      notes: [
        ...doc.notes.map(told),
        ...notes.map((note) => t(`cliImport.notes.${note.key}`, note.values)),
      ],
    });
    setConfirming(undefined);
    goToStep(WIZARD_STEPS.length - 1);
  };

  const choose = (doc: GoodDocument, from: string) => {
    if (isDirty) setConfirming(doc);
    else fill(doc, from);
  };

  /** The file's reader downloads on the first import; a failure is said like an unreadable file. */
  const readerOrProblem = async (name: string) => {
    try {
      return await loadWizardTools();
    } catch {
      setResult(undefined);
      setProblem(t('cliImport.unreadable', { name }));
      return undefined;
    }
  };

  const read = async (text: string, from: string) => {
    setProblem(undefined);
    setSource(from);
    const tools = await readerOrProblem(from);
    if (!tools) return;
    const next = tools.readCliClusterFile(text);
    setResult(next);
    setChosen(undefined);
    if (!next.ok) return;
    const [only] = next.documents;
    if (next.documents.length === 1 && only?.ok) choose(only, from);
  };

  const load = async (file: File | undefined) => {
    setProblem(undefined);
    if (!file) return;
    const tools = await readerOrProblem(file.name);
    if (!tools) return;
    if (file.size > tools.CLI_FILE_MAX_BYTES) {
      setResult(undefined);
      setProblem(t('cliImport.tooLarge', { name: file.name }));
      return;
    }
    try {
      await read(await file.text(), file.name);
    } catch {
      setProblem(t('cliImport.unreadable', { name: file.name }));
    }
  };

  const summary = imported ? (
    <CliImportSummary imported={imported} onDismiss={() => setImported(undefined)} />
  ) : null;

  if (!active) return summary;

  return (
    <>
      {summary}
      <Disclosure label={t('cliImport.importTitle')}>
        <p id={`${pasteId}-hint`} className="field-hint">
          {t('cliImport.importHint')}
        </p>
        <DropZone onFile={(file) => void load(file)}>
          <label htmlFor={pasteId} className="visually-hidden">
            {t('cliImport.pasteLabel')}
          </label>
          <textarea
            id={pasteId}
            className="textarea input-mono"
            rows={6}
            spellCheck={false}
            autoComplete="off"
            placeholder={t('cliImport.placeholder')}
            aria-describedby={`${pasteId}-hint`}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
          />
          <div className="drop-zone-bar">
            <span className="muted small">{t('cliImport.drop')}</span>
            <input
              id={fileId}
              type="file"
              className="visually-hidden"
              accept=".yaml,.yml,.txt,text/plain,application/yaml,application/x-yaml,*/*"
              onChange={(event) => {
                void load(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
            <label htmlFor={fileId} className="button button-small file-button">
              {t('cliImport.choose')}
            </label>
            <button
              type="button"
              className="button button-small"
              disabled={pasted.trim() === ''}
              onClick={() => void read(pasted, t('cliImport.pastedText'))}
            >
              {t('cliImport.readPasted')}
            </button>
          </div>
        </DropZone>

        {problem ? <Alert tone="error">{problem}</Alert> : null}
        {result && !result.ok ? (
          <Alert tone="error" title={t('cliImport.unreadableFile', { source })}>
            <p>{told(result.error)}</p>
          </Alert>
        ) : null}
        {bad.map((doc) => (
          <Alert
            key={doc.index}
            tone="error"
            title={t('cliImport.badDocument', { index: doc.index, line: doc.line })}
          >
            <ul>
              {doc.errors.map((error) => (
                <li key={told(error)}>{told(error)}</li>
              ))}
            </ul>
          </Alert>
        ))}

        {result?.ok && good.length === 0 ? (
          <Alert tone="error">{t('cliImport.noCluster', { source })}</Alert>
        ) : null}

        {good.length > 0 && !(good.length === 1 && bad.length === 0 && imported) ? (
          <fieldset className="fieldset">
            <legend>{t('cliImport.pick', { count: good.length, source })}</legend>
            {good.map((doc) => (
              <label key={doc.index} className="choice-row">
                <input
                  type="radio"
                  name={`${fileId}-cluster`}
                  value={doc.index}
                  checked={selected?.index === doc.index}
                  onChange={() => setChosen(doc.index)}
                />
                <span>
                  <strong>{doc.cluster.name ?? t('cliImport.noName')}</strong>
                  <span className="muted small"> {describeKind(t, doc.cluster)}</span>
                </span>
              </label>
            ))}
            {selected && selected.notes.length > 0 ? (
              <Alert tone="warning" live={false} title={t('cliImport.notUsed')}>
                <ul className="cli-file-notes">
                  {selected.notes.map((note) => (
                    <li key={told(note)}>{told(note)}</li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            <div className="actions">
              {selected ? (
                <button type="button" className="button" onClick={() => choose(selected, source)}>
                  {t('cliImport.use', { name: selected.cluster.name ?? '' })}
                </button>
              ) : null}
              {onRegisterAll && result?.ok && result.documents.length > 1 ? (
                <button
                  type="button"
                  className="button"
                  aria-describedby={`${fileId}-all-hint`}
                  onClick={() => onRegisterAll({ source, documents: result.documents })}
                >
                  {t('batch.apply.registerAll', { count: result.documents.length })}
                </button>
              ) : null}
            </div>
            {onRegisterAll && result?.ok && result.documents.length > 1 ? (
              <p id={`${fileId}-all-hint`} className="field-hint">
                {t('batch.apply.registerAllHint')}
              </p>
            ) : null}
          </fieldset>
        ) : null}
      </Disclosure>

      {confirming ? (
        <Dialog
          title={t('cliImport.replaceTitle')}
          role="alertdialog"
          onClose={() => setConfirming(undefined)}
          initialFocusRef={cancelRef}
        >
          <p>{t('cliImport.replaceBody', { name: confirming.cluster.name ?? '' })}</p>
          <div className="dialog-actions">
            <button
              ref={cancelRef}
              type="button"
              className="button"
              onClick={() => setConfirming(undefined)}
            >
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => fill(confirming, source)}
            >
              {t('cliImport.replace')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
