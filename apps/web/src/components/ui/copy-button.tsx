import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-HTTP origins other than localhost have no async clipboard.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  return (
    <button
      type="button"
      className="button button-ghost button-small copy-button"
      aria-label={t('common.copyValue', { label })}
      onClick={() =>
        writeClipboard(value).then(
          () => setState('copied'),
          () => setState('failed'),
        )
      }
    >
      <span aria-hidden="true">{state === 'copied' ? '✓' : '⧉'}</span>
      <span className="copy-state" aria-live="polite">
        {state === 'copied'
          ? t('common.copied')
          : state === 'failed'
            ? t('common.copyFailed')
            : t('common.copy')}
      </span>
    </button>
  );
}
