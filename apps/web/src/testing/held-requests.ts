/**
 * Requests a test answers when it says so: each handler awaits `hold(name)`, and the test
 * calls `release()` once it has looked at the page while they run.
 */
export function holdRequests() {
  const seen: string[] = [];
  let release: () => void = () => undefined;
  return {
    /** The names the held requests were for, in order. */
    seen,
    release: () => release(),
    hold: (name: string) => {
      seen.push(name);
      return new Promise<void>((resolve) => (release = resolve));
    },
  };
}
