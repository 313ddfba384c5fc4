/** Why a write to the tenant repository failed, in terms the API can answer with. */
export type RepoErrorKind =
  'conflict' | 'forbidden' | 'unauthenticated' | 'unavailable' | 'internal';

export class RepoError extends Error {
  constructor(
    readonly kind: RepoErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RepoError';
  }
}
