import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../components/ui/alert';

export interface ImportedFile {
  name: string;
  source: string;
  notes: string[];
}

/** What the last import filled, and what of the file the form could not use, until dismissed. */
export function CliImportSummary({
  imported,
  onDismiss,
}: {
  imported: ImportedFile;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert tone={imported.notes.length > 0 ? 'warning' : 'info'} live={false}>
      <p>{t('cliImport.filled', { name: imported.name, source: imported.source })}</p>
      {imported.notes.length > 0 ? (
        <>
          <p>{t('cliImport.notUsed')}</p>
          <ul className="cli-file-notes">
            {imported.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" className="button button-ghost button-small" onClick={onDismiss}>
        {t('cliImport.dismiss')}
      </button>
    </Alert>
  );
}
