import { kubeTime } from '../resources/object-meta';

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: string;
}

export type ClusterStatus = Record<string, unknown> & { conditions?: Condition[] };

/** Set one condition (metav1.Condition, by type), keeping the others and their order. */
export function setCondition(
  status: ClusterStatus,
  type: string,
  reason: string,
  message = '',
  conditionStatus: Condition['status'] = 'True',
): ClusterStatus {
  const condition: Condition = {
    type,
    status: conditionStatus,
    reason,
    message,
    lastTransitionTime: kubeTime(),
  };
  const conditions = [...(status.conditions ?? [])];
  const index = conditions.findIndex((existing) => existing.type === type);
  if (index >= 0) conditions[index] = condition;
  else conditions.push(condition);
  return { ...status, conditions };
}

/** cluster-operator's heartbeat: its conditions' lastTransitionTime moves; status and message stay. */
export function restamp(status: ClusterStatus, types: string[]): ClusterStatus {
  const now = kubeTime();
  return {
    ...status,
    conditions: (status.conditions ?? []).map((condition) =>
      types.includes(condition.type) ? { ...condition, lastTransitionTime: now } : condition,
    ),
  };
}
