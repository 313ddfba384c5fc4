/**
 * The reader of the Nautes CLI's cluster file (`nautes apply -f cluster.yaml`): YAML documents
 * separated by `---`, each `apiVersion: nautes.resource.nautes.io/v1alpha1`, `kind: Cluster`
 * and a camelCase `spec` (either key generation), or the committed Cluster resource form whose
 * name is `metadata.name`. Every document is read on its own: one bad document is reported
 * and the good ones are kept.
 *
 * Limits against hostile files: the kubeconfig reader's (`../yaml/untrusted-yaml-limits`: size,
 * documents counted before parsing, nesting depth, nodes, quoted length, aliases), with up to
 * 100 documents. No message quotes the file: it may hold a kubeconfig's credentials, so a
 * parser error is told by line, column and a fixed reason, and a value is shown only when it
 * has the shape of what belongs there.
 */
import { isPair, isScalar, LineCounter, parseAllDocuments, visit, type Document } from 'yaml';
import { CLUSTER_RESOURCE_API_VERSION } from '../clusters/cluster-resource';
import { isPlainObject } from '../clusters/validate-save-body';
import { describeYamlError } from '../yaml/yaml-error-text';
import type { CliClusterDraft } from './cli-cluster-draft';
import { keyGenerationOf, readSpec } from './read-cli-spec';
import {
  issueAt,
  kindOfValue,
  note,
  noteUnknownKeys,
  type CliFileIssue,
  type DocumentContext,
} from './read-values';
import { CLI_FILE_MAX_ALIAS_COUNT, cliFileRefusal } from './cli-file-limits';
import { lineOfOffset } from './yaml-locate';

export type { CliFileIssue } from './read-values';

export {
  CLI_FILE_MAX_ALIAS_COUNT,
  CLI_FILE_MAX_BYTES,
  CLI_FILE_MAX_DOCUMENTS,
} from './cli-file-limits';

export type CliFileDocument =
  | {
      ok: true;
      /** 1-based position of the document in the file. */
      index: number;
      /** The line the document starts on. */
      line: number;
      cluster: CliClusterDraft;
      /** Which keys carried the ArgoCD/Tekton hosts and Traefik ports, if any. */
      keyGeneration?: 'v0.3' | 'v0.4' | 'mixed';
      /** What the file holds that the draft does not use, and why. */
      notes: CliFileIssue[];
    }
  | { ok: false; index: number; line: number; errors: CliFileIssue[]; notes: CliFileIssue[] };

/**
 * `ok: false` when the file as a whole cannot be read (too large, empty, too many documents);
 * otherwise one entry per non-empty document, each read or refused on its own.
 */
export type CliFileReadResult =
  | { ok: true; documents: CliFileDocument[]; clusters: CliClusterDraft[] }
  | { ok: false; error: CliFileIssue };

const TOP_KEYS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
/** Kubernetes metadata a committed Cluster resource carries; read (name) or quietly skipped. */
const QUIET_METADATA_KEYS = ['name', 'namespace', 'creationTimestamp'];

/** `v1`, `nautes.resource.nautes.io/v1alpha1`: what an apiVersion looks like. */
const API_VERSION_SHAPE =
  /^(?:[a-z0-9](?:[a-z0-9.-]{0,61}[a-z0-9])?\/)?v\d+(?:(?:alpha|beta)\d+)?$/;
/** `Cluster`, `ConfigMap`: what a kind looks like. */
const KIND_SHAPE = /^[A-Z][A-Za-z]{0,62}$/;

/**
 * A value of the file as said in a message: only when it has the expected shape (a secret
 * pasted in its place does not), else only what kind of value it is.
 */
function shown(value: unknown, shape: RegExp): string {
  if (typeof value === 'string' && shape.test(value)) return value;
  if (typeof value === 'string') return `text of ${value.length} characters that is not one`;
  return kindOfValue(value);
}

/** Nothing but comments or a separator (`---` at the end of a file makes such a document). */
function isEmptyDocument(doc: Document): boolean {
  if (doc.errors.length > 0) return false;
  const contents = doc.contents;
  if (contents === null) return true;
  return isScalar(contents) && contents.value === null && (contents.source ?? '') === '';
}

/** Every key that appears twice in one mapping, with both lines. */
function duplicateKeys(doc: Document, lines: LineCounter, index: number): CliFileIssue[] {
  const issues: CliFileIssue[] = [];
  visit(doc, {
    Map(_key, map, ancestors) {
      const seen = new Map<string, number | undefined>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const offset = pair.key.range?.[0];
        const line = offset === undefined ? undefined : lineOfOffset(lines, offset);
        if (!seen.has(key)) {
          seen.set(key, line);
          continue;
        }
        const parents = ancestors
          .filter(isPair)
          .map((parent) => (isScalar(parent.key) ? String(parent.key.value) : '?'));
        const path = [...parents, key].join('.');
        const first = seen.get(key);
        const issue: CliFileIssue = {
          path,
          message: `Document ${index}: the key ${path} appears twice${first === undefined ? '' : ` (lines ${first} and ${line ?? '?'})`}; keep only one.`,
        };
        if (line !== undefined) issue.line = line;
        issues.push(issue);
      }
    },
  });
  return issues;
}

function readDocument(doc: Document, index: number, lines: LineCounter): CliFileDocument {
  const line = lineOfOffset(lines, doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0);
  const ctx: DocumentContext = { doc, lines, notes: [] };
  const fail = (errors: CliFileIssue[]): CliFileDocument => ({
    ok: false,
    index,
    line,
    errors,
    notes: ctx.notes,
  });

  const syntax = doc.errors.map((error) => {
    const reason = describeYamlError(error);
    const issue: CliFileIssue = { message: `Document ${index} is not valid YAML: ${reason}.` };
    const at = error.linePos?.[0];
    if (at !== undefined) {
      issue.line = at.line;
      issue.message = `Document ${index} is not valid YAML at line ${at.line}, column ${at.col}: ${reason}.`;
    }
    return issue;
  });
  if (syntax.length > 0) return fail(syntax);
  const duplicates = duplicateKeys(doc, lines, index);
  if (duplicates.length > 0) return fail(duplicates);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: CLI_FILE_MAX_ALIAS_COUNT });
  } catch (error) {
    const excessive = error instanceof ReferenceError && /alias/i.test(error.message);
    return fail([
      {
        line,
        message: excessive
          ? `Document ${index} repeats content through YAML aliases (*name) more than ${CLI_FILE_MAX_ALIAS_COUNT} times, as a "billion laughs" attack does; it is not read. Write the values out instead of using anchors and aliases.`
          : `Document ${index} could not be read: it is nested too deeply or too large.`,
      },
    ]);
  }

  if (!isPlainObject(value)) {
    return fail([
      {
        line,
        message: `Document ${index} is ${kindOfValue(value)}, not a mapping; a cluster document is a mapping with apiVersion, kind and spec.`,
      },
    ]);
  }

  const errors: CliFileIssue[] = [];
  const { apiVersion, kind, metadata, spec, status } = value;
  if (apiVersion === undefined || apiVersion === null) {
    errors.push({
      line,
      path: 'apiVersion',
      message: `Document ${index} has no apiVersion; a Nautes cluster has apiVersion: ${CLUSTER_RESOURCE_API_VERSION}.`,
    });
  } else if (apiVersion !== CLUSTER_RESOURCE_API_VERSION) {
    errors.push(
      issueAt(
        ctx,
        ['apiVersion'],
        `apiVersion is ${shown(apiVersion, API_VERSION_SHAPE)}; a Nautes cluster has apiVersion: ${CLUSTER_RESOURCE_API_VERSION}.`,
      ),
    );
  }
  if (kind === undefined || kind === null) {
    errors.push({
      line,
      path: 'kind',
      message: `Document ${index} has no kind; only kind: Cluster can be imported.`,
    });
  } else if (kind !== 'Cluster') {
    errors.push(
      issueAt(ctx, ['kind'], `kind is ${shown(kind, KIND_SHAPE)}; only Cluster can be imported.`),
    );
  }
  if (spec === undefined || spec === null) {
    errors.push({
      line,
      path: 'spec',
      message: `Document ${index} has no spec; the cluster's settings go under spec: (name, apiServer, clusterType, ...).`,
    });
  } else if (!isPlainObject(spec)) {
    errors.push(
      issueAt(
        ctx,
        ['spec'],
        `spec is ${kindOfValue(spec)}; it must be a mapping of the cluster's settings (name, apiServer, clusterType, ...).`,
      ),
    );
  }
  if (errors.length > 0 || !isPlainObject(spec)) return fail(errors);

  noteUnknownKeys(ctx, [], value, TOP_KEYS, 'a Cluster document');
  if (isPlainObject(status) && Object.keys(status).length > 0) {
    note(ctx, ['status'], 'status is written by Nautes itself; not imported.');
  }
  const cluster = readSpec(ctx, ['spec'], spec);
  if (metadata !== undefined && metadata !== null && !isPlainObject(metadata)) {
    note(ctx, ['metadata'], `metadata is ${kindOfValue(metadata)}, not a mapping; not imported.`);
  }
  const meta = isPlainObject(metadata) ? metadata : {};
  const extraMeta = Object.keys(meta).filter((key) => !QUIET_METADATA_KEYS.includes(key));
  for (const key of extraMeta) {
    note(ctx, ['metadata', key], `metadata.${key} is not part of a Nautes cluster; not imported.`);
  }
  const metaName = typeof meta.name === 'string' && meta.name !== '' ? meta.name : undefined;
  if (cluster.name === undefined && metaName !== undefined) cluster.name = metaName;
  else if (metaName !== undefined && metaName !== cluster.name) {
    note(
      ctx,
      ['metadata', 'name'],
      `metadata.name is "${metaName}" but spec.name is "${cluster.name ?? ''}"; spec.name is used.`,
    );
  }
  if (cluster.name === undefined) {
    note(ctx, ['spec'], 'The cluster has no name (spec.name); enter one before saving.');
  }
  const keyGeneration = keyGenerationOf(spec);
  return {
    ok: true,
    index,
    line,
    cluster,
    ...(keyGeneration === undefined ? {} : { keyGeneration }),
    notes: ctx.notes,
  };
}

export function readCliClusterFile(text: string): CliFileReadResult {
  // Before anything reads the whole text, the limits: a huge paste is refused for its size.
  const refused = cliFileRefusal(text);
  if (refused !== undefined) return { ok: false, error: refused };
  if (text.trim() === '') {
    return {
      ok: false,
      error: { message: 'The file is empty; choose a Nautes cluster file (kind: Cluster).' },
    };
  }
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false });
  const all: Document[] = Array.isArray(parsed) ? parsed : [];
  const documents = all
    .map((doc, position) => ({ doc, index: position + 1 }))
    .filter(({ doc }) => !isEmptyDocument(doc))
    .map(({ doc, index }) => readDocument(doc, index, lines));
  if (documents.length === 0) {
    return {
      ok: false,
      error: {
        message:
          'The file holds no YAML document, only comments or separators; choose a Nautes cluster file (kind: Cluster).',
      },
    };
  }
  const clusters = documents.flatMap((doc) => (doc.ok ? [doc.cluster] : []));
  return { ok: true, documents, clusters };
}
