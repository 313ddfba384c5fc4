/**
 * A cluster read from a Nautes CLI cluster file, as a draft the console's wizard fills its
 * fields from: generation-neutral (the v0.3 settings and the v0.4 components side by side),
 * snake_case as the save body, every value a string exactly as the file gave it. Nothing is
 * validated here: a draft may hold an invalid value, which the wizard shows as the save body's
 * own error once the draft is turned into a body (`cliDraftToSaveBody`).
 *
 * Why not the v0.4 body type itself: that type is the *validated* body (enums, checked
 * formats, no name, no v0.3 settings); a file may say anything, and the draft must carry it
 * to the user's eyes rather than drop it.
 */
import { z } from 'zod';
import type { NautesApiVersion } from '../clusters/api-version';
import { CLIENT_COMPONENT_CATEGORIES } from '../clusters/components';
import { v03BodyToV04 } from '../clusters/generations';
import type { SaveBodyOptions } from '../clusters/save-body-rules';
import type { SaveClusterBody } from '../clusters/save-body.schema';
import { validateSaveRequest, type SaveBodyValidation } from '../clusters/validate-save-body';
import {
  validateSaveRequestV04,
  type SaveBodyV04Validation,
} from '../clusters/save-body-v04.schema';

const text = z.string().optional();

/** One `componentsList` entry; a part left out means the server's default. */
export const CliComponentDraftSchema = z.object({
  name: text,
  namespace: text,
  additions: z.record(z.string(), z.string()).optional(),
});
export type CliComponentDraft = z.infer<typeof CliComponentDraftSchema>;

export const CliClusterDraftSchema = z.object({
  /** `spec.name`, or `metadata.name` in the committed Cluster resource form. */
  name: text,
  api_server: text,
  cluster_kind: text,
  cluster_type: text,
  usage: text,
  worker_type: text,
  host_cluster: text,
  primary_domain: text,
  /** Only when the file carries one; the console never writes it. */
  kubeconfig: text,
  vcluster: z.object({ https_node_port: text }).optional(),
  /**
   * The v0.3 settings, from whichever key generation carried them: `componentsList` wins over
   * `argocdHost`/`tektonHost`/`traefik` (the reader notes any disagreement).
   */
  argocd_host: text,
  tekton_host: text,
  traefik: z.object({ http_node_port: text, https_node_port: text }).optional(),
  /** `componentsList` (client categories only, snake_case keys), as the file gave it. */
  components: z
    .partialRecord(z.enum(CLIENT_COMPONENT_CATEGORIES), CliComponentDraftSchema)
    .optional(),
  reserved_namespaces_allowed_products: z.record(z.string(), z.array(z.string())).optional(),
  product_allowed_cluster_resources: z
    .record(z.string(), z.array(z.object({ kind: z.string(), group: z.string() })))
    .optional(),
});
export type CliClusterDraft = z.infer<typeof CliClusterDraftSchema>;

/** A copy without `undefined` values, so a body has no keys that say nothing. */
function defined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** The draft as an unvalidated v0.3 save body (component names/namespaces have no v0.3 place). */
export function cliDraftToBodyV03(draft: CliClusterDraft): Record<string, unknown> {
  const body: Record<string, unknown> = { ...draft };
  delete body.name;
  delete body.components;
  return defined(body);
}

/** The draft as an unvalidated v0.4 save body: the v0.3 settings moved into `components_list`. */
export function cliDraftToBodyV04(draft: CliClusterDraft): Record<string, unknown> {
  const settings = {
    argocd_host: draft.argocd_host,
    tekton_host: draft.tekton_host,
    traefik: draft.traefik,
  } as SaveClusterBody;
  const body: Record<string, unknown> = { ...draft };
  for (const key of ['name', 'components', 'argocd_host', 'tekton_host', 'traefik']) {
    delete body[key];
  }
  body.components_list = v03BodyToV04(settings, draft.components).components_list;
  return defined(body);
}

/**
 * The draft as the save request of a generation, validated exactly as the clusters API does
 * (the draft's name is the `cluster_name` path segment). `options.kubeconfigOptional` for an
 * update of a physical cluster whose file carries no kubeconfig.
 */
export function cliDraftToSaveBody(
  draft: CliClusterDraft,
  generation: 'v0.3',
  options?: SaveBodyOptions,
): SaveBodyValidation;
export function cliDraftToSaveBody(
  draft: CliClusterDraft,
  generation: 'v0.4',
  options?: SaveBodyOptions,
): SaveBodyV04Validation;
export function cliDraftToSaveBody(
  draft: CliClusterDraft,
  generation: NautesApiVersion,
  options?: SaveBodyOptions,
): SaveBodyValidation | SaveBodyV04Validation;
export function cliDraftToSaveBody(
  draft: CliClusterDraft,
  generation: NautesApiVersion,
  options: SaveBodyOptions = {},
): SaveBodyValidation | SaveBodyV04Validation {
  const name = draft.name ?? '';
  return generation === 'v0.4'
    ? validateSaveRequestV04(name, cliDraftToBodyV04(draft), options)
    : validateSaveRequest(name, cliDraftToBodyV03(draft), options);
}
