import { useId, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DropZone } from '../../../../components/ui/drop-zone';
import type { KubeconfigContext } from '@cluster-console/shared';
import { Alert } from '../../../../components/ui/alert';
import { Spinner } from '../../../../components/ui/spinner';
import { describedBy } from '../../../../components/ui/field';
import { useFieldMessage } from './use-field-message';
import { selectedContextName, type WizardValues } from './wizard-form';
import {
  inspectWith,
  loadedWizardTools,
  loadWizardTools,
  useWizardTools,
} from './wizard-tools-loader';
import './choice.css';
import './kubeconfig-input.css';
import './summary-list.css';

/** The command without its path: `/usr/local/bin/aws` -> `aws`. */
function commandName(command: string): string {
  return command.split(/[\\/]/).pop() || command;
}

export function contextWarnings(
  context: KubeconfigContext,
): { key: string; values?: Record<string, string> }[] {
  const warnings: { key: string; values?: Record<string, string> }[] = [];
  if (context.auth.kind === 'exec') {
    warnings.push({
      key: 'exec',
      values: { command: commandName(context.auth.command) || 'exec' },
    });
  }
  if (context.auth.kind === 'auth-provider')
    warnings.push({ key: 'authProvider', values: { provider: context.auth.provider } });
  if (context.auth.kind === 'none') warnings.push({ key: 'noCredentials' });
  if (context.insecureSkipTlsVerify) warnings.push({ key: 'insecure' });
  if (context.clusterMissing)
    warnings.push({ key: 'clusterMissing', values: { cluster: context.cluster } });
  if (context.userMissing) warnings.push({ key: 'userMissing', values: { user: context.user } });
  return warnings;
}

/**
 * Kubeconfig by file picker, drag-and-drop or paste. It is read here, in the browser: the
 * contexts are listed, one is chosen, and only that one is sent.
 */
export function KubeconfigInput({ keepStored }: { keepStored: boolean }) {
  const { t } = useTranslation();
  const message = useFieldMessage();
  const fileId = useId();
  const fileInputRef = useRef<HTMLInputElement>(null);
  const [fileProblem, setFileProblem] = useState<string>();
  const [fileName, setFileName] = useState<string>();
  const { register, setValue, getValues, formState } = useFormContext<WizardValues>();
  const [kubeconfig, chosen] = useWatch<WizardValues, ['kubeconfig', 'kubeconfig_context']>({
    name: ['kubeconfig', 'kubeconfig_context'],
  });
  const loaded = useWizardTools(); // the reader may still be downloading: shown again when it is here
  const inspection = inspectWith(loaded, kubeconfig);
  const kubeconfigError = message('kubeconfig', formState.errors.kubeconfig);
  const contextError = message('kubeconfig_context', formState.errors.kubeconfig_context);
  const selected =
    inspection.state === 'ok' ? selectedContextName(inspection.info, chosen) : undefined;
  const selectedContext =
    inspection.state === 'ok'
      ? inspection.info.contexts.find((context) => context.name === selected)
      : undefined;

  const load = async (file: File | undefined) => {
    setFileProblem(undefined);
    if (!file) return;
    try {
      const tools = await loadWizardTools();
      if (file.size > tools.MAX_KUBECONFIG_BYTES) {
        setFileProblem(t('wizard.kubeconfig.tooLarge', { name: file.name }));
        return;
      }
      const text = await file.text();
      setFileName(file.name);
      const current = tools.inspect(text);
      // A fresh file: start from its current context, the one kubectl would use.
      const context = current.state === 'ok' ? (current.info.currentContext ?? '') : '';
      setValue('kubeconfig_context', context);
      setValue('kubeconfig', text, { shouldDirty: true, shouldValidate: true });
    } catch {
      setFileProblem(t('wizard.kubeconfig.unreadable', { name: file.name }));
    }
  };

  const textarea = register('kubeconfig', {
    onChange: (event: React.ChangeEvent<HTMLTextAreaElement>) => {
      setFileName(undefined);
      const text = event.target.value;
      // Once the reader is here (at once, after the first time), unless the text moved on.
      const pickContext = () => {
        if (getValues('kubeconfig') !== text) return;
        const current = inspectWith(loadedWizardTools(), text);
        const kept = getValues('kubeconfig_context');
        if (
          current.state === 'ok' &&
          !current.info.contexts.some((context) => context.name === kept)
        ) {
          setValue('kubeconfig_context', current.info.currentContext ?? '');
        }
      };
      // A failed download shows as the field's error (see wizard-resolver.ts).
      loadWizardTools().then(pickContext, () => undefined);
    },
  });

  return (
    <div className={`field${kubeconfigError ? ' field-invalid' : ''}`}>
      <label htmlFor="kubeconfig">{t('wizard.fields.kubeconfig')}</label>
      <p id="kubeconfig-hint" className="field-hint">
        {keepStored ? t('wizard.kubeconfig.hintKeep') : t('wizard.kubeconfig.hint')}
      </p>
      <DropZone onFile={(file) => void load(file)}>
        <textarea
          id="kubeconfig"
          className="textarea input-mono"
          rows={8}
          spellCheck={false}
          autoComplete="off"
          placeholder={t('wizard.kubeconfig.placeholder')}
          aria-invalid={kubeconfigError ? true : undefined}
          aria-describedby={describedBy('kubeconfig', {
            hint: true,
            error: kubeconfigError ?? fileProblem,
          })}
          {...textarea}
        />
        <div className="drop-zone-bar">
          <span className="muted small">
            {fileName
              ? t('wizard.kubeconfig.loaded', { name: fileName })
              : t('wizard.kubeconfig.drop')}
          </span>
          <input
            ref={fileInputRef}
            id={fileId}
            type="file"
            className="visually-hidden"
            accept=".yaml,.yml,.conf,.config,.txt,text/plain,application/yaml,application/x-yaml,*/*"
            onChange={(event) => {
              void load(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <label htmlFor={fileId} className="button button-small file-button">
            {t('wizard.kubeconfig.choose')}
          </label>
          {kubeconfig ? (
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => {
                setFileName(undefined);
                setValue('kubeconfig_context', '');
                setValue('kubeconfig', '', { shouldDirty: true, shouldValidate: true });
              }}
            >
              {t('wizard.kubeconfig.clear')}
            </button>
          ) : null}
        </div>
      </DropZone>
      {kubeconfigError || fileProblem ? (
        <p id="kubeconfig-error" className="field-error" role={fileProblem ? 'alert' : undefined}>
          <span aria-hidden="true">⚠ </span>
          {fileProblem ?? kubeconfigError}
        </p>
      ) : null}

      {inspection.state === 'reading' ? <Spinner label={t('wizard.kubeconfig.reading')} /> : null}

      {inspection.state === 'ok' && inspection.info.contexts.length === 0 ? (
        <Alert tone="warning">{t('wizard.kubeconfig.noContexts')}</Alert>
      ) : null}

      {inspection.state === 'ok' && inspection.info.contexts.length > 1 ? (
        <fieldset
          className="fieldset context-list"
          aria-describedby={contextError ? 'context-error' : 'context-hint'}
        >
          <legend>
            {t('wizard.kubeconfig.chooseContext', { count: inspection.info.contexts.length })}
          </legend>
          <p id="context-hint" className="field-hint">
            {t('wizard.kubeconfig.onlyChosen')}
          </p>
          {inspection.info.contexts.map((context) => (
            <label key={context.name} className="choice-row">
              <input type="radio" value={context.name} {...register('kubeconfig_context')} />
              <span>
                <strong>{context.name}</strong>
                <span className="muted small mono">
                  {' '}
                  {context.server ?? t('wizard.kubeconfig.noServer')}
                </span>
              </span>
            </label>
          ))}
          {contextError ? (
            <p id="context-error" className="field-error">
              {contextError}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      {selectedContext ? <ContextSummary context={selectedContext} /> : null}
    </div>
  );
}

function authLabel(
  t: (key: string, options?: Record<string, string>) => string,
  context: KubeconfigContext,
): string {
  switch (context.auth.kind) {
    case 'exec':
      return t('wizard.kubeconfig.auth.exec', { command: commandName(context.auth.command) });
    case 'auth-provider':
      return t('wizard.kubeconfig.auth.auth-provider', { provider: context.auth.provider });
    default:
      return t(`wizard.kubeconfig.auth.${context.auth.kind}`);
  }
}

function ContextSummary({ context }: { context: KubeconfigContext }) {
  const { t } = useTranslation();
  const warnings = contextWarnings(context);
  return (
    <div className="kubeconfig-summary" aria-label={t('wizard.kubeconfig.summary')} role="group">
      <dl className="summary-list">
        <div>
          <dt>{t('wizard.kubeconfig.context')}</dt>
          <dd>{context.name}</dd>
        </div>
        <div>
          <dt>{t('wizard.kubeconfig.server')}</dt>
          <dd className="mono">{context.server ?? t('wizard.kubeconfig.noServer')}</dd>
        </div>
        <div>
          <dt>{t('wizard.kubeconfig.authentication')}</dt>
          <dd>{authLabel(t, context)}</dd>
        </div>
        <div>
          <dt>{t('wizard.kubeconfig.tls')}</dt>
          <dd>
            {context.insecureSkipTlsVerify
              ? t('wizard.kubeconfig.tlsSkipped')
              : context.hasCertificateAuthority
                ? t('wizard.kubeconfig.tlsCa')
                : t('wizard.kubeconfig.tlsSystem')}
          </dd>
        </div>
      </dl>
      {warnings.map((warning) => (
        <Alert key={warning.key} tone="warning" live={false}>
          {t(`wizard.kubeconfig.warnings.${warning.key}`, warning.values)}
        </Alert>
      ))}
    </div>
  );
}
