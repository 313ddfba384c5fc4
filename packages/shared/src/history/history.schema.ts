/** The console's history routes: what `GET /api/console/clusters/:name/history` and
 * `GET /api/console/clusters-deleted` answer (paths in api/console-paths.ts). */
import { z } from 'zod';

/** A page number given as text (a query parameter): a whole number from 1 to `max`. */
function pageNumber(max: number, fallback: number, message: string) {
  return z
    .string({ error: message })
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .refine((number) => number >= 1 && number <= max, message)
    .default(fallback);
}

/** The query both history routes take: `page` (from 1) and `per_page` (1-100, 20 by default). */
export const HistoryPageQuerySchema = z.object({
  page: pageNumber(100_000, 1, 'A whole number from 1.'),
  per_page: pageNumber(100, 20, 'A whole number from 1 to 100.'),
});
export type HistoryPageQuery = z.infer<typeof HistoryPageQuerySchema>;

export const HistoryCommitSchema = z.object({
  id: z.string(),
  short_id: z.string(),
  title: z.string(),
  author_name: z.string(),
  authored_date: z.string(),
  web_url: z.string(),
});
export type HistoryCommit = z.infer<typeof HistoryCommitSchema>;

/** One field's change; null on a side where the field was absent. */
export const FieldChangeSchema = z.object({
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const ChangeKindSchema = z.enum(['created', 'updated', 'deleted']);
export type ChangeKind = z.infer<typeof ChangeKindSchema>;

export const HistoryEntrySchema = z.object({
  commit: HistoryCommitSchema,
  change: ChangeKindSchema,
  fields: z.array(FieldChangeSchema),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const ClusterHistorySchema = z.object({
  entries: z.array(HistoryEntrySchema),
  /** The page to ask for next ("show older"); absent on the last page. */
  next_page: z.number().int().positive().optional(),
});
export type ClusterHistory = z.infer<typeof ClusterHistorySchema>;

export const DeletedClusterSchema = z.object({
  name: z.string(),
  deleted_at: z.string(),
  deleted_by: z.string(),
  commit: HistoryCommitSchema,
});
export type DeletedCluster = z.infer<typeof DeletedClusterSchema>;

export const DeletedClustersSchema = z.object({
  items: z.array(DeletedClusterSchema),
  next_page: z.number().int().positive().optional(),
});
export type DeletedClusters = z.infer<typeof DeletedClustersSchema>;
