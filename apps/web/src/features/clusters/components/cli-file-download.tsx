import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  readClusterReply,
  type Cluster,
  type ClusterView,
  type NautesApiVersion,
} from '@cluster-console/shared';
import { Alert } from '../../../components/ui/alert';
import { useNautesApi } from '../api/get-nautes-api';
import './cli-file.css';
import { cliFileGeneration, cliFileName, downloadText } from '../lib/cli-file-download';

/**
 * "Download for the Nautes CLI": the clusters given (one, or the list's shown rows) as one
 * Cluster YAML file, one document each, for the generation the BFF reports. When it cannot
 * tell, a small menu lets the user pick; the button itself uses the replies' own generation.
 */
export function CliFileDownload({
  clusters: given,
  fileName,
  label,
}: {
  clusters: readonly Cluster[];
  /** The button's words when it does not download what the list shows (the selection). */
  label?: string;
  /** Defaults to `<name>.yaml` for one cluster, `clusters.yaml` for several. */
  fileName?: string;
}) {
  const { t } = useTranslation();
  const nautesApi = useNautesApi();
  const reported = nautesApi.data?.version;
  const known = reported !== undefined && reported !== 'unknown';
  const [menuOpen, setMenuOpen] = useState(false);
  const [writing, setWriting] = useState(false);
  const [failed, setFailed] = useState(false);
  const disabled = given.length === 0;

  const download = async (picked?: NautesApiVersion) => {
    setMenuOpen(false);
    setFailed(false);
    setWriting(true);
    // Read on a download, not on every render: the list passes its shown rows, which change
    // with every key typed in its search box. The queries' clusters are already views; a bare
    // Cluster is read as its reply would be.
    const clusters = given.map((cluster) =>
      'generation' in cluster ? (cluster as ClusterView) : readClusterReply(cluster),
    );
    const generation = cliFileGeneration(reported, clusters, picked);
    try {
      // The YAML writer is loaded on the first download, not with the page.
      const { cliFileText } = await import('../lib/cli-file-text');
      downloadText(fileName ?? cliFileName(clusters), cliFileText(clusters, generation));
    } catch {
      setFailed(true);
    } finally {
      setWriting(false);
    }
  };

  return (
    <div className="cli-file-download">
      <button
        type="button"
        className="button"
        disabled={disabled}
        aria-busy={writing}
        onClick={() => void download()}
        title={t('cliFile.downloadHint')}
      >
        {label ?? t('cliFile.download')}
      </button>
      {known ? null : (
        <>
          <button
            type="button"
            className="button button-ghost button-small"
            aria-expanded={menuOpen}
            aria-haspopup="true"
            disabled={disabled}
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t('cliFile.chooseGeneration')}
          </button>
          {menuOpen ? (
            <ul className="cli-file-menu" aria-label={t('cliFile.chooseGeneration')}>
              {(['v0.4', 'v0.3'] as const).map((generation) => (
                <li key={generation}>
                  <button
                    type="button"
                    className="button button-ghost button-small"
                    onClick={() => void download(generation)}
                  >
                    {t('cliFile.forGeneration', { generation })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      {failed ? <Alert className="cli-file-error">{t('cliFile.downloadFailed')}</Alert> : null}
    </div>
  );
}
