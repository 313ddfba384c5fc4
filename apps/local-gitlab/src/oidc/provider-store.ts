import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { z } from 'zod';

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds; undefined = no expiry. */
  expiresAt: number | undefined;
}

const StoreFileSchema = z.object({
  version: z.literal(1),
  entries: z.array(
    z.tuple([
      z.string(),
      z.object({ payload: z.looseObject({}), expiresAt: z.number().optional() }),
    ]),
  ),
});

const SAVE_DELAY_MS = 200;

/**
 * The provider's state (sessions, grants, codes, tokens) in memory, written to one file in
 * the data directory (mode 0600) shortly after each change, so that tokens and sign-in
 * sessions survive a restart. One process per data directory; no file = memory only.
 */
export class ProviderStore {
  readonly #entries = new Map<string, Entry>();
  readonly #file: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #saving: Promise<void> = Promise.resolve();

  private constructor(file: string | undefined) {
    this.#file = file;
  }

  static async open(file?: string): Promise<ProviderStore> {
    const store = new ProviderStore(file);
    if (!file) return store;
    let text: string | undefined;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // A damaged state file only costs sign-ins, never the start.
    const parsed = text === undefined ? undefined : StoreFileSchema.safeParse(safeJson(text));
    const now = Date.now();
    for (const [key, entry] of parsed?.success ? parsed.data.entries : []) {
      if (entry.expiresAt === undefined || entry.expiresAt > now) {
        store.#entries.set(key, { payload: entry.payload, expiresAt: entry.expiresAt });
      }
    }
    return store;
  }

  /** The `adapter` option of oidc-provider: one adapter per model name. */
  readonly adapterFactory = (model: string): Adapter => new StoreAdapter(this, model);

  get(key: string): AdapterPayload | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return structuredClone(entry.payload);
  }

  set(key: string, payload: AdapterPayload, expiresInSeconds: number | undefined) {
    const expiresAt =
      expiresInSeconds === undefined ? undefined : Date.now() + expiresInSeconds * 1000;
    this.#entries.set(key, { payload: structuredClone(payload), expiresAt });
    this.#scheduleSave();
  }

  update(key: string, change: (payload: AdapterPayload) => void) {
    const entry = this.#entries.get(key);
    if (!entry) return;
    change(entry.payload);
    this.#scheduleSave();
  }

  delete(key: string) {
    if (this.#entries.delete(key)) this.#scheduleSave();
  }

  /** Keys of the entries whose payload matches. */
  keysWhere(match: (key: string, payload: AdapterPayload) => boolean): string[] {
    return [...this.#entries]
      .filter(([key, entry]) => match(key, entry.payload))
      .map(([key]) => key);
  }

  #scheduleSave() {
    if (!this.#file || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, SAVE_DELAY_MS);
    this.#timer.unref();
  }

  /** Writes the current state now (also on shutdown). */
  async flush(): Promise<void> {
    const file = this.#file;
    if (!file) return;
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    const now = Date.now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) this.#entries.delete(key);
    }
    const text = JSON.stringify({ version: 1, entries: [...this.#entries] });
    // Writes one after the other; each goes through a temporary file so a crash never truncates it.
    this.#saving = this.#saving.then(async () => {
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.tmp`;
      await writeFile(tmp, text, { mode: 0o600 });
      await rename(tmp, file);
    });
    await this.#saving;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

class StoreAdapter implements Adapter {
  readonly #store: ProviderStore;
  readonly #model: string;

  constructor(store: ProviderStore, model: string) {
    this.#store = store;
    this.#model = model;
  }

  #key(id: string) {
    return `${this.#model}:${id}`;
  }

  upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
    this.#store.set(this.#key(id), payload, expiresIn);
    return Promise.resolve();
  }

  find(id: string) {
    return Promise.resolve(this.#store.get(this.#key(id)));
  }

  #findBy(field: 'uid' | 'userCode', value: string) {
    const prefix = `${this.#model}:`;
    const [key] = this.#store.keysWhere(
      (candidate, payload) => candidate.startsWith(prefix) && payload[field] === value,
    );
    return Promise.resolve(key ? this.#store.get(key) : undefined);
  }

  findByUid(uid: string) {
    return this.#findBy('uid', uid);
  }

  findByUserCode(userCode: string) {
    return this.#findBy('userCode', userCode);
  }

  consume(id: string) {
    this.#store.update(this.#key(id), (payload) => {
      payload.consumed = Math.floor(Date.now() / 1000);
    });
    return Promise.resolve();
  }

  destroy(id: string) {
    this.#store.delete(this.#key(id));
    return Promise.resolve();
  }

  /** Revoking a grant removes every code and token issued under it, whatever the model. */
  revokeByGrantId(grantId: string) {
    for (const key of this.#store.keysWhere((_key, payload) => payload.grantId === grantId))
      this.#store.delete(key);
    return Promise.resolve();
  }
}
