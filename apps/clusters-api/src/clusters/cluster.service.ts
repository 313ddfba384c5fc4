/**
 * The clusters API's use cases. Permission has already been checked by the caller (routes);
 * this adds validation and the state rules; the writer (cluster-writer.ts) writes the secret
 * first, then commits and pushes, and puts the secret back exactly as it was if the push does
 * not land.
 */
import {
  deletedMessage,
  FIELD_SELECTOR_KEYS,
  kubeconfigSecretLocation,
  matchesFieldSelector,
  savedMessage,
  type Cluster,
  type FieldSelector,
} from '@cluster-console/shared';
import type { Logger } from 'pino';
import {
  type ApiError,
  clusterNotFound,
  conflict,
  internalError,
  noAuthorization,
  unauthenticated,
  upstreamUnavailable,
  validationFailed,
} from '../http/api-error';
import type { Caller } from '../gitlab/permission.service';
import { RepoError } from '../tenant-repo/repo-error';
import type { TenantStore } from '../tenant-repo/tenant-store';
import type { ApiGeneration } from './api-generation';
import type { ClusterWrite, ClusterWriter } from './cluster-writer';
import { checkDeletable, checkHostCluster, checkLockedFields } from './cluster-rules';

export interface CallerContext {
  caller: Caller;
  token: string;
}

export interface ClusterServiceDeps {
  /** Reads: the Cluster files of the remote's main as last fetched or pushed. */
  repo: Pick<TenantStore, 'list' | 'get' | 'version'>;
  /** Writes: queued, checked, journaled and pushed (cluster-writer.ts). */
  writer: Pick<ClusterWriter, 'submit'>;
  logger: Logger;
  /** The Nautes API generation spoken: how bodies are read and clusters answered. */
  generation: ApiGeneration;
}

/** How many differently filtered lists are kept per index version. */
const LIST_CACHE_SIZE = 16;

export class ClusterService {
  /** The list answers (JSON bytes) for the current index version, by field selector. */
  private listCache: { version: number; bodies: Map<string, Buffer> } | undefined;
  /** Each cluster's reply as JSON, made once per Cluster object (they are never modified). */
  private readonly clusterJson = new WeakMap<Cluster, string>();

  constructor(private readonly deps: ClusterServiceDeps) {}

  /** The clusters matching `selector`, as this generation answers them. */
  list(selector: FieldSelector): object[] {
    return this.deps.repo
      .list()
      .filter((cluster) => matchesFieldSelector(cluster, selector))
      .map((cluster) => this.deps.generation.reply(cluster));
  }

  /**
   * `{"items": [...]}` as JSON bytes, exactly as `JSON.stringify` writes it. Listing thousands
   * of clusters is the most frequent request: the answer is made once per index version
   * (the repository bumps it on every change) and field selector, then reused.
   */
  listJson(selector: FieldSelector): Buffer {
    const { repo } = this.deps;
    const clusters = repo.list();
    if (this.listCache?.version !== repo.version) {
      this.listCache = { version: repo.version, bodies: new Map() };
    }
    // Every key, set or not (`usage=` asks for an empty usage, unlike no `usage` at all).
    const key = JSON.stringify(FIELD_SELECTOR_KEYS.map((name) => selector[name] ?? null));
    let body = this.listCache.bodies.get(key);
    if (!body) {
      const items = clusters
        .filter((cluster) => matchesFieldSelector(cluster, selector))
        .map((cluster) => this.jsonOf(cluster));
      body = Buffer.from(`{"items":[${items.join(',')}]}`, 'utf8');
      if (this.listCache.bodies.size >= LIST_CACHE_SIZE) this.listCache.bodies.clear();
      this.listCache.bodies.set(key, body);
    }
    return body;
  }

  private jsonOf(cluster: Cluster): string {
    let json = this.clusterJson.get(cluster);
    if (json === undefined) {
      json = JSON.stringify(this.deps.generation.reply(cluster));
      this.clusterJson.set(cluster, json);
    }
    return json;
  }

  /** One cluster as this generation answers it. */
  get(name: string): object {
    const cluster = this.deps.repo.get(name);
    if (!cluster) throw clusterNotFound(name);
    return this.deps.generation.reply(cluster);
  }

  async save(context: CallerContext, name: string, input: unknown): Promise<string> {
    // Validation and defaults are the generation's; the state rules below are shared.
    const { rules, resource, kubeconfig, missingKubeconfig } = this.deps.generation.parseSave(
      name,
      input,
    );
    const location = kubeconfigSecretLocation(name);
    await this.submit({
      key: name,
      token: context.token,
      author: { name: context.caller.name, email: context.caller.email },
      secret: location,
      plan: (index, stored) => {
        const existing = index.get(name);
        checkHostCluster(rules, index);
        checkLockedFields(existing, rules, index);
        if (rules.cluster_type === 'physical' && kubeconfig === undefined) {
          const keepsStored = existing?.cluster_type === 'physical' && stored !== undefined;
          if (!keepsStored) throw validationFailed({ kubeconfig: missingKubeconfig() });
        }
        return {
          change: { kind: 'upsert', name, resource, message: `Save cluster ${name}` },
          secret:
            kubeconfig !== undefined
              ? { kind: 'put', data: { [location.key]: kubeconfig } }
              : rules.cluster_type === 'virtual'
                ? { kind: 'delete' }
                : { kind: 'keep' },
        };
      },
    });
    return savedMessage(name);
  }

  async delete(context: CallerContext, name: string): Promise<string> {
    await this.submit({
      key: name,
      token: context.token,
      author: { name: context.caller.name, email: context.caller.email },
      secret: kubeconfigSecretLocation(name),
      plan: (index) => {
        checkDeletable(name, index);
        return {
          change: { kind: 'delete', name, message: `Delete cluster ${name}` },
          secret: { kind: 'delete' },
        };
      },
    });
    return deletedMessage(name);
  }

  private async submit(write: ClusterWrite): Promise<void> {
    try {
      await this.deps.writer.submit(write);
    } catch (error) {
      // Anything else (a bug, a disk error) goes to the error middleware: logged, answered 500.
      throw error instanceof RepoError ? fromRepoError(error) : error;
    }
  }
}

function fromRepoError(error: RepoError): ApiError {
  switch (error.kind) {
    case 'conflict':
      return conflict(error.message);
    case 'forbidden':
      return noAuthorization(error.message);
    case 'unauthenticated':
      return unauthenticated(error.message);
    case 'unavailable':
      return upstreamUnavailable(error.message);
    case 'internal':
      return internalError();
  }
}
