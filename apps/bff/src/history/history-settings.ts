import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const HistorySettingsSchema = z.object({
  TENANT_PROJECT: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^(\d+|[\w.-]+(\/[\w.-]+)+)$/, {
        error: 'TENANT_PROJECT is a GitLab project id or full path, e.g. nautes/tenant-config',
      })
      .default('nautes/tenant-config'),
  ),
  TENANT_BRANCH: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^(?!-)[\w./-]+$/, { error: 'TENANT_BRANCH is a branch name, e.g. main' })
      .default('main'),
  ),
});

export interface HistorySettings {
  /** The tenant configuration repository's GitLab project: numeric id or full path. */
  project: string;
  /** The branch the clusters API commits to. */
  branch: string;
}

/**
 * The history routes' settings (`TENANT_PROJECT`, `TENANT_BRANCH`), defaults matching the local
 * stack (the clusters API's `TENANT_REPO_URL` is `<GitLab>/nautes/tenant-config.git`, branch
 * `main`). Read once when the app is built; a bad value stops the start with one clear line.
 */
export function loadHistorySettings(env: NodeJS.ProcessEnv = process.env): HistorySettings {
  const parsed = HistorySettingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  return { project: parsed.data.TENANT_PROJECT, branch: parsed.data.TENANT_BRANCH };
}
