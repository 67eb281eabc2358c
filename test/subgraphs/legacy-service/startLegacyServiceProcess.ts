/**
 * Starts the simulated legacy system as its own process (the entry a launcher would use) on a free
 * loopback port, and returns its URL once it prints that it is ready.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LegacyServiceProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('../../../subgraphs/legacy-service/main.ts', import.meta.url));

export function startLegacyServiceProcess(args: readonly string[]): Promise<LegacyServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, '--port', '0', '--host', '127.0.0.1', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      const match = / ready at (http:\/\/\S+)/.exec(out);
      if (match) resolve({ url: match[1] as string, child, stop, [Symbol.asyncDispose]: stop });
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
    void exited.then((code) => reject(new Error(`legacy service exited with ${code} before it was ready: ${err.trim()}`)));
  });
}
