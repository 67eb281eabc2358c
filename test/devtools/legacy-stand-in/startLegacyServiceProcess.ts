/**
 * Starts the simulated legacy system as its own process (the entry a launcher would use) on a free
 * loopback port, and returns its URL once it prints that it is ready.
 */
import type { ChildProcess } from 'node:child_process';
import { startServiceProcess } from '../../fixtures/startSubgraphProcess.ts';

export interface LegacyServiceProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export async function startLegacyServiceProcess(args: readonly string[]): Promise<LegacyServiceProcess> {
  const started = await startServiceProcess('legacy', ['--port', '0', '--host', '127.0.0.1', ...args], {});
  return { ...started, [Symbol.asyncDispose]: started.stop };
}
