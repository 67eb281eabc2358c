/**
 * Every process the bench starts, so that all of them die with it: on normal end, on error and on
 * Ctrl-C. A child is a TypeScript entry run through tsx; a service is ready when it prints
 * `<name> ready at <url>` (the convention of every process in this repo).
 *
 * Children's stderr goes to a log file, not through the bench: a gateway logging a line per
 * request would otherwise charge the load generator's CPU for reading it. With `verbose` it is
 * passed through instead. Children get none of the caller's ECOGRAPH_* settings (a database URL
 * there would change what is measured); the bench sets the ones it needs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningChild {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface ChildSpec {
  readonly name: string;
  readonly entry: string;
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Node's own flags, before the entry (e.g. `--cpu-prof`, which NODE_OPTIONS does not take). */
  readonly nodeArgs?: readonly string[];
  /** Pass the child's stderr through (prefixed) instead of writing it to its log file. */
  readonly verbose?: boolean;
}

const STOP_GRACE_MS = 2_000; // the bench needs no graceful drain, only no orphans
const TAIL_LINES = 20;

export class ChildProcesses {
  private readonly children = new Set<ChildProcess>();

  /** `logDir` receives one `<name>.log` per child. */
  constructor(private readonly logDir: string) {}

  /** Runs an entry to completion (e.g. the seeder); rejects with its output tail if it fails. */
  async run(spec: ChildSpec & { readonly timeoutMs: number }): Promise<void> {
    const { child, tail, exited } = this.spawn(spec);
    const timer = setTimeout(() => child.kill('SIGKILL'), spec.timeoutMs);
    const code = await exited;
    clearTimeout(timer);
    if (code !== 0) throw new Error(`${spec.name} exited with ${code}:\n${tail()}`);
  }

  /** Starts a long-running service and resolves with its URL once it says it is ready. */
  start(spec: ChildSpec & { readonly readyTimeoutMs: number }): Promise<RunningChild> {
    const { child, tail, exited } = this.spawn(spec);
    const stop = () => this.stopOne(child, exited);
    return new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => {
        void stop();
        reject(new Error(`${spec.name} was not ready within ${spec.readyTimeoutMs} ms:\n${tail()}`));
      }, spec.readyTimeoutMs);
      child.stdout!.on('data', (text: string) => {
        if (out.length > 100_000) return; // ready long ago; nothing more to look for
        out += text;
        const match = / ready at (http:\/\/\S+)/.exec(out);
        if (!match) return;
        clearTimeout(timer);
        resolve({ name: spec.name, url: match[1]!, pid: child.pid!, stop });
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${spec.name} exited with ${code} before it was ready:\n${tail()}`));
      });
    });
  }

  /** Stops everything still running (SIGTERM, SIGKILL after a grace period). */
  async stopAll(): Promise<void> {
    await Promise.all([...this.children].map((child) =>
      this.stopOne(child, new Promise((resolve) => child.once('exit', resolve)))));
  }

  /** Last resort from a synchronous 'exit' handler: no waiting possible there. */
  killAllNow(): void {
    for (const child of this.children) if (isRunning(child)) child.kill('SIGKILL');
  }

  private async stopOne(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
    if (!isRunning(child)) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  private spawn(spec: ChildSpec) {
    const logFile = join(this.logDir, `${spec.name}.log`);
    const log = spec.verbose ? null : openSync(logFile, 'a');
    const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), '--import', 'tsx', spec.entry, ...(spec.args ?? [])], {
      env: { ...withoutEcographSettings(process.env), ECOGRAPH_HOST: '127.0.0.1', ...spec.env },
      stdio: ['ignore', 'pipe', log ?? 'pipe'],
    });
    if (log !== null) closeSync(log); // the child holds its own descriptor
    this.children.add(child);
    child.stdout!.setEncoding('utf8').resume(); // always drained: a full pipe would block the child
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      for (const line of text.split('\n')) if (line.trim()) process.stderr.write(`[${spec.name}] ${line}\n`);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
      this.children.delete(child);
      resolve(code);
    }));
    const tail = () => (log === null ? '(its stderr is above)' : lastLines(logFile));
    return { child, tail, exited };
  }
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function withoutEcographSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('ECOGRAPH_')));
}

function lastLines(file: string): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
  } catch {
    return '(no log)';
  }
}
