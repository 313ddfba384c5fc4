import { StatusError } from './status-error';

/** A failure a test asks for: the next `times` requests with this verb get this Status. */
export interface Fault {
  /** get, list, watch, create, update, patch, delete; absent: any. */
  verb?: string;
  code: number;
  reason?: string;
  message?: string;
  times?: number;
}

const REASONS: Record<number, string> = {
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** Test hook: injected failures, answered after authentication, before the real work. */
export class Faults {
  private readonly queue: { verb: string | undefined; error: StatusError; left: number }[] = [];

  add(fault: Fault): void {
    this.queue.push({
      verb: fault.verb,
      left: fault.times ?? 1,
      error: new StatusError(
        fault.code,
        fault.reason ?? REASONS[fault.code] ?? 'InternalError',
        fault.message ?? 'an error injected by a test',
      ),
    });
  }

  take(verb: string): StatusError | undefined {
    const index = this.queue.findIndex((fault) => fault.verb === undefined || fault.verb === verb);
    const fault = this.queue[index];
    if (!fault) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) this.queue.splice(index, 1);
    return fault.error;
  }
}
