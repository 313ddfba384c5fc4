/**
 * Response times the console's servers logged, read back from their output: the BFF's request
 * lines (`method`, `path`, `responseTimeMs`) and the clusters API's pino-http lines
 * (`req.method`, `req.path`, `responseTime`). One figure per path, in the order of `paths`.
 */
interface LogLine {
  method?: string;
  path?: string;
  responseTimeMs?: number;
  req?: { method?: string; path?: string };
  responseTime?: number;
}

function parse(line: string): LogLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return undefined;
  }
}

export function loggedResponseMs(
  output: string,
  method: string,
  paths: readonly string[],
): number[] {
  const byPath = new Map<string, number>();
  for (const line of output.split('\n')) {
    const entry = parse(line);
    const ms = entry?.responseTimeMs ?? entry?.responseTime;
    const entryMethod = entry?.method ?? entry?.req?.method;
    const entryPath = entry?.path ?? entry?.req?.path;
    if (ms !== undefined && entryMethod === method && entryPath !== undefined)
      byPath.set(entryPath, ms);
  }
  return paths.map((path) => {
    const ms = byPath.get(path);
    if (ms === undefined) throw new Error(`no log line of ${method} ${path}`);
    return ms;
  });
}
