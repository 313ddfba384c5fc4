import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { useNautesApi } from '../api/get-nautes-api';

/**
 * Says, in words, when the console could not tell which Nautes API generation the server
 * speaks (the BFF's own explanation included). Informs; blocks nothing. Silent while loading,
 * when the generation is known, and when the question itself failed.
 */
export function NautesApiNotice() {
  const { t } = useTranslation();
  const { data } = useNautesApi();
  if (data?.version !== 'unknown') return null;
  return (
    <Alert tone="warning" live={false} title={t('cluster.nautesApiUnknown.title')}>
      {data.message ? <p>{data.message}</p> : null}
      <p>{t('cluster.nautesApiUnknown.body')}</p>
    </Alert>
  );
}
