import type { TFunction } from 'i18next';
import type { ClusterState, StatusReason } from '@cluster-console/shared';
import { absoluteTime, relativeTime } from '../../../lib/format-time';

export function stateLabel(t: TFunction, state: ClusterState): string {
  return t(`status.states.${state}`);
}

/** "cluster-operator and argo-operator" / "cluster-operator 和 argo-operator". */
function list(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

/**
 * A status's reason in the page's language, from its code and values (the shared derivation's
 * English words are for scripts). The operators' and Argo CD's messages are quoted as written:
 * they are the evidence, and translating them would hide what to search for.
 */
export function describeReason(
  t: TFunction,
  reason: StatusReason,
  now: number,
  language: string,
): string {
  const ago = (iso: string) => relativeTime(iso, language, now);
  const subject = (type: string, operator: string | null) =>
    operator ? t('status.reasons.subject', { type, operator }) : type;
  switch (reason.code) {
    case 'not-configured':
      return t('status.reasons.notConfigured', { message: reason.message });
    case 'watch-starting':
      return t('status.reasons.watchStarting');
    case 'watch-down':
      return reason.since
        ? t('status.reasons.watchDownSince', {
            since: absoluteTime(reason.since, language),
            message: reason.message,
          })
        : t('status.reasons.watchDown', { message: reason.message });
    case 'deleting':
      return reason.finalizers.length > 0
        ? t('status.reasons.deletingWaiting', {
            ago: ago(reason.since),
            finalizers: list(reason.finalizers, language),
          })
        : t('status.reasons.deleting', { ago: ago(reason.since) });
    case 'sync-failed':
      return t('status.reasons.syncFailed', { message: reason.message });
    case 'waiting-create':
      return reason.committed_at
        ? t('status.reasons.waitingCreateSince', { ago: ago(reason.committed_at) })
        : t('status.reasons.waitingCreate');
    case 'waiting-change':
      return t('status.reasons.waitingChange');
    case 'waiting-removal':
      return t('status.reasons.waitingRemoval');
    case 'removed':
      return t('status.reasons.removed');
    case 'no-conditions':
      return t('status.reasons.noConditions');
    case 'condition-unknown':
      return reason.message
        ? t('status.reasons.conditionUnknownMessage', {
            subject: subject(reason.type, reason.operator),
            message: reason.message,
          })
        : t('status.reasons.conditionUnknown', { subject: subject(reason.type, reason.operator) });
    case 'spec-not-applied':
      return t('status.reasons.specNotApplied', { operators: list(reason.operators, language) });
    case 'condition-false':
      return reason.message
        ? t('status.reasons.conditionFalse', {
            subject: subject(reason.type, reason.operator),
            message: reason.message,
          })
        : t('status.reasons.conditionFalseNoMessage', {
            subject: subject(reason.type, reason.operator),
          });
    case 'no-heartbeat':
      return t('status.reasons.noHeartbeat', { ago: ago(reason.last_heartbeat) });
    case 'warnings':
      return t('status.reasons.warnings', { count: reason.count, message: reason.message });
    case 'ready':
      return t('status.reasons.ready');
  }
}
