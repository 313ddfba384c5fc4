import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';

const run = promisify(execFile);

export interface TenantRepoOptions {
  /** The tenant repository's Git URL, e.g. http://127.0.0.1:8929/nautes/tenant-config.git. */
  url: string;
  /** A token that may read it (a deploy token, as Argo CD's repository credential). */
  readToken: string;
  branch: string;
  /** Folder of the Cluster files in the repository. */
  path: string;
  /** Where the local bare copy is kept. */
  cacheDir: string;
}

export interface ClusterFile {
  path: string;
  /** The parsed documents of kind Cluster (a file normally holds one). */
  documents: Record<string, unknown>[];
  /** A YAML error, in words: the file cannot be applied. */
  error?: string;
}

export interface Snapshot {
  revision: string;
  files: ClusterFile[];
}

/**
 * Reads the tenant repository as Argo CD's repo-server does: `git fetch` of one branch into a
 * local bare copy, then the files of one folder at that commit. The token travels in git's
 * environment (GIT_CONFIG_*), never on a command line or in a URL that could be logged.
 */
export class TenantRepo {
  private readonly blobs = new Map<string, string>();

  constructor(private readonly options: TenantRepoOptions) {}

  private git(args: string[]) {
    const basic = Buffer.from(`argocd:${this.options.readToken}`).toString('base64');
    return run('git', ['-C', this.options.cacheDir, ...args], {
      maxBuffer: 64 * 1024 * 1024,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: this.options.cacheDir,
        GIT_TERMINAL_PROMPT: '0',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'http.extraHeader',
        GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
      },
    });
  }

  async fetch(): Promise<Snapshot> {
    if (!existsSync(this.options.cacheDir)) mkdirSync(this.options.cacheDir, { recursive: true });
    if (!existsSync(`${this.options.cacheDir}/HEAD`)) await this.git(['init', '--quiet', '--bare']);
    const ref = `refs/heads/${this.options.branch}`;
    await this.git(['fetch', '--quiet', '--no-tags', this.options.url, `+${ref}:${ref}`]);
    const revision = (await this.git(['rev-parse', ref])).stdout.trim();
    const folder = this.options.path.replace(/\/+$/, '');
    const tree = (await this.git(['ls-tree', revision, `${folder}/`])).stdout;
    const files: ClusterFile[] = [];
    for (const line of tree.split('\n')) {
      const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(line);
      if (!match) continue;
      const [, oid = '', path = ''] = match;
      if (!/\.ya?ml$/.test(path) || /\/kustomization\.ya?ml$/.test(path)) continue;
      files.push(readFile(path, await this.blob(oid)));
    }
    return { revision, files };
  }

  private async blob(oid: string): Promise<string> {
    let text = this.blobs.get(oid);
    if (text === undefined) {
      text = (await this.git(['cat-file', 'blob', oid])).stdout;
      this.blobs.set(oid, text);
    }
    return text;
  }
}

function readFile(path: string, text: string): ClusterFile {
  const documents: Record<string, unknown>[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      return { path, documents: [], error: document.errors[0]?.message ?? 'invalid YAML' };
    }
    const value: unknown = document.toJS();
    if (
      typeof value === 'object' &&
      value !== null &&
      (value as { kind?: unknown }).kind === 'Cluster'
    ) {
      documents.push(value as Record<string, unknown>);
    }
  }
  return { path, documents };
}
