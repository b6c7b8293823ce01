/**
 * One JSON line per event on stdout. Callers pass only what is safe to keep: method, route, status,
 * timings, ids. Never a request body, an assessment or a name: personal data stays out of logs.
 */

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function jsonLogger(write: (line: string) => void = stdoutLines(), now: () => Date = () => new Date()): Logger {
  const log =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      write(JSON.stringify({ at: now().toISOString(), level, message, ...fields }));
  return { info: log('info'), error: log('error') };
}

let stdout: ((line: string) => void) | undefined;

/** The process's one writer of log lines to stdout. */
function stdoutLines(): (line: string) => void {
  stdout ??= batchedLines((text) => process.stdout.write(text));
  return stdout;
}

/**
 * Lines written together once per turn of the event loop rather than one write each: on Linux a write
 * to a pipe or a file is synchronous, and under load one a request held every request behind it. What
 * is waiting when the process exits is written then.
 */
export function batchedLines(out: (text: string) => void): (line: string) => void {
  let waiting: string[] = [];
  const flush = () => {
    if (waiting.length === 0) return;
    const text = `${waiting.join('\n')}\n`;
    waiting = [];
    out(text);
  };
  process.on('exit', flush);
  return (line) => {
    if (waiting.length === 0) setImmediate(flush);
    waiting.push(line);
  };
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };
