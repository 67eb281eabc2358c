/**
 * The life of one subgraph process: start, print its URL, stop cleanly on SIGINT/SIGTERM. A setup
 * failure (bad config, port in use, missing data) prints one clear line and exits non-zero, which
 * the launcher shows to the user.
 */
import type { RunningSubgraph } from './serveSubgraph.ts';

export interface SubgraphProcess {
  readonly name: string;
  start(): Promise<{ running: RunningSubgraph; close(): Promise<void> }>;
}

/** Exit code that tells the launcher "I printed why; do not add a stack trace". */
export const EXIT_SETUP_FAILED = 78;

export async function runSubgraphProcess(describe: () => Promise<SubgraphProcess>): Promise<void> {
  let stopping = false;
  try {
    const proc = await describe();
    const { running, close } = await proc.start();
    console.log(`${proc.name} ready at ${running.url}`);
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await running.close();
      await close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    process.exit(EXIT_SETUP_FAILED);
  }
}

/** Errors of a running subgraph go to stderr as one JSON line each; never to clients. */
export function stderrLogger(origin: string) {
  return (message: string, error: unknown): void => {
    const detail = error instanceof Error ? { name: error.name, message: error.message, cause: String(error.cause ?? '') } : { error: String(error) };
    process.stderr.write(`${JSON.stringify({ level: 'error', origin, message, ...detail })}\n`);
  };
}
