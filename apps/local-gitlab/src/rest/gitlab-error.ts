import type { Response } from 'express';

type Reason =
  'UNAUTHENTICATED' | 'NO_AUTHORIZATION' | 'RESOURCE_NOT_FOUND' | 'NOT_FOUND' | 'INTERNAL';

/**
 * GitLab's error body (`{"message": "404 Project Not Found"}`), which GitLab clients read,
 * with the project's error-shape fields (`code`, `reason`, `metadata`) alongside.
 */
export function sendGitlabError(res: Response, status: number, message: string, reason: Reason) {
  res.status(status).json({ message, code: status, reason, metadata: {} });
}

export const GITLAB_MESSAGES = {
  unauthorized: '401 Unauthorized',
  projectNotFound: '404 Project Not Found',
  notFound: '404 Not found',
  forbidden: '403 Forbidden',
} as const;
