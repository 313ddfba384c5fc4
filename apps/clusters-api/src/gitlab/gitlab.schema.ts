import { z } from 'zod';
import { GitLabProjectPermissionsSchema } from '@cluster-console/shared';

/** The fields of GitLab's `GET /api/v4/user` we use. */
export const GitLabUserSchema = z.object({
  id: z.number().optional(),
  username: z.string().min(1),
  name: z.string().nullish(),
  email: z.string().nullish(),
});
export type GitLabUser = z.infer<typeof GitLabUserSchema>;

/** The fields of GitLab's `GET /api/v4/projects/:id` we use. */
export const GitLabProjectSchema = z.object({
  id: z.number().optional(),
  permissions: GitLabProjectPermissionsSchema,
});
export type GitLabProject = z.infer<typeof GitLabProjectSchema>;

/** The fields of GitLab's `GET /api/v4/projects/:id/protected_branches/:name` we use. */
export const GitLabProtectedBranchSchema = z.object({
  name: z.string().optional(),
  push_access_levels: z.array(z.object({ access_level: z.number().nullish() })).default([]),
});
export type GitLabProtectedBranch = z.infer<typeof GitLabProtectedBranchSchema>;
