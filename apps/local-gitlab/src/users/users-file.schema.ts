import { z } from 'zod';

/** GitLab's access levels (`Gitlab::Access`). */
export const AccessLevel = {
  NO_ACCESS: 0,
  MINIMAL_ACCESS: 5,
  GUEST: 10,
  REPORTER: 20,
  DEVELOPER: 30,
  MAINTAINER: 40,
  OWNER: 50,
  ADMIN: 60,
} as const;

const MemberAccessLevelSchema = z
  .number()
  .refine(
    (level) => [10, 20, 30, 40, 50].includes(level),
    'access_level must be one of 10 (guest), 20 (reporter), 30 (developer), 40 (maintainer), 50 (owner)',
  );

const PushAccessLevelSchema = z
  .number()
  .refine(
    (level) => [0, 30, 40, 60].includes(level),
    'push/merge access level must be one of 0 (no one), 30 (developers + maintainers), 40 (maintainers), 60 (admins)',
  );

const TokenSchema = z
  .string()
  .min(8, 'a token must have at least 8 characters')
  .regex(/^[\x21-\x7e]+$/, 'a token must be printable ASCII without spaces');

export const PersonalAccessTokenSchema = z.object({
  name: z.string().min(1),
  token: TokenSchema,
  scopes: z
    .array(z.enum(['api', 'read_api', 'read_user', 'read_repository', 'write_repository']))
    .min(1),
});
export type PersonalAccessToken = z.infer<typeof PersonalAccessTokenSchema>;

export const UserSchema = z.object({
  id: z.number().int().positive(),
  username: z
    .string()
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'username may hold letters, digits, "_", "." and "-"'),
  password: z.string().min(1),
  name: z.string().min(1),
  email: z.email(),
  /** `null` = served by the local GitLab itself (`/uploads/-/system/user/avatar/<id>/avatar.svg`). */
  avatar_url: z.url().nullable().default(null),
  personal_access_tokens: z.array(PersonalAccessTokenSchema).default([]),
});
export type User = z.infer<typeof UserSchema>;

const DEFAULT_INITIAL_FILES = {
  'nautes/overlays/production/clusters/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n',
};

export const ProjectSchema = z.object({
  id: z.number().int().positive(),
  path_with_namespace: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9_.-]*(\/[a-z0-9][a-z0-9_.-]*)+$/,
      'path_with_namespace looks like "group/project"',
    )
    .refine((value) => !value.endsWith('.git'), 'path_with_namespace must not end with ".git"'),
  name: z.string().min(1),
  description: z.string().nullable().default(null),
  default_branch: z.string().min(1).default('main'),
  visibility: z.enum(['private', 'internal', 'public']).default('private'),
  members: z
    .array(z.object({ username: z.string(), access_level: MemberAccessLevelSchema }))
    .default([]),
  protected_branches: z
    .array(
      z.object({
        name: z.string().min(1),
        push_access_level: PushAccessLevelSchema,
        merge_access_level: PushAccessLevelSchema.default(40),
      }),
    )
    .default([]),
  /** Files of the repository's first commit, created once when the repository does not exist yet. */
  initial_files: z.record(z.string().min(1), z.string()).default(DEFAULT_INITIAL_FILES),
});
export type Project = z.infer<typeof ProjectSchema>;

export const DeployTokenSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  username: z.string().min(1),
  token: TokenSchema,
  scopes: z.array(z.enum(['read_repository', 'write_repository'])).min(1),
  /** `path_with_namespace` of the projects the token belongs to. */
  projects: z.array(z.string()).min(1),
});
export type DeployToken = z.infer<typeof DeployTokenSchema>;

export const UsersFileSchema = z
  .object({
    users: z.array(UserSchema).min(1),
    projects: z.array(ProjectSchema).default([]),
    deploy_tokens: z.array(DeployTokenSchema).default([]),
  })
  .superRefine((file, ctx) => {
    const unique = (values: (string | number)[], path: string, what: string) => {
      const seen = new Set<string | number>();
      values.forEach((value, index) => {
        if (seen.has(value))
          ctx.addIssue({
            code: 'custom',
            path: [path, index],
            message: `duplicate ${what} ${value}`,
          });
        seen.add(value);
      });
    };
    unique(
      file.users.map((user) => user.id),
      'users',
      'user id',
    );
    unique(
      file.users.map((user) => user.username.toLowerCase()),
      'users',
      'username',
    );
    unique(
      file.projects.map((project) => project.id),
      'projects',
      'project id',
    );
    unique(
      file.projects.map((project) => project.path_with_namespace),
      'projects',
      'project path',
    );
    const tokens = [
      ...file.users.flatMap((user) => user.personal_access_tokens.map((pat) => pat.token)),
      ...file.deploy_tokens.map((deployToken) => deployToken.token),
    ];
    if (new Set(tokens).size !== tokens.length) {
      ctx.addIssue({ code: 'custom', path: ['users'], message: 'every token must be unique' });
    }
    const usernames = new Set(file.users.map((user) => user.username));
    file.projects.forEach((project, projectIndex) => {
      project.members.forEach((member, memberIndex) => {
        if (!usernames.has(member.username)) {
          ctx.addIssue({
            code: 'custom',
            path: ['projects', projectIndex, 'members', memberIndex, 'username'],
            message: `unknown user "${member.username}"`,
          });
        }
      });
    });
    const projectPaths = new Set(file.projects.map((project) => project.path_with_namespace));
    file.deploy_tokens.forEach((deployToken, index) => {
      deployToken.projects.forEach((path, pathIndex) => {
        if (!projectPaths.has(path)) {
          ctx.addIssue({
            code: 'custom',
            path: ['deploy_tokens', index, 'projects', pathIndex],
            message: `unknown project "${path}"`,
          });
        }
      });
    });
  });
export type UsersFile = z.infer<typeof UsersFileSchema>;
