/**
 * One service of the federation run as its own Node process: output prefixed with its name line by line (LinePrefixer),
 * readiness by polling its health URL, and a bounded stop (SIGTERM, then SIGKILL after a grace).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { LinePrefixer } from './LinePrefixer.ts';

export interface ChildServiceSpec {
  readonly name: string;
  /** Entry module (TypeScript, run through tsx). */
  readonly entry: string;
  readonly args: readonly string[];
  /** Polled until 200; null for a service with no HTTP side (ready once it runs). */
  readonly healthUrl: string | null;
  readonly env?: Readonly<Record<string, string>>;
}

const STOP_GRACE_MS = 5_000;

export class ChildService {
  private readonly child: ChildProcess;
  private exited: Promise<number | null>;
  private readonly errors: LinePrefixer;

  constructor(readonly spec: ChildServiceSpec) {
    this.child = spawn(process.execPath, ['--import', 'tsx', spec.entry, ...spec.args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...spec.env },
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    const errors = this.errors = new LinePrefixer(spec.name, (text) => process.stderr.write(text));
    this.child.stderr?.setEncoding('utf8').on('data', (text: string) => errors.push(text)).on('end', () => errors.flush());
    // "ready" lines are summarised by the launcher; everything else passes through.
    const output = new LinePrefixer(spec.name, (text) => process.stdout.write(text), (line) => / ready at /.test(line));
    this.child.stdout?.setEncoding('utf8').on('data', (text: string) => output.push(text)).on('end', () => output.flush());
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves when healthy; rejects with the child's own last error line if it exits first. */
  async ready(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exitCode: number | null | undefined;
    void this.exited.then((code) => (exitCode = code));
    const { healthUrl } = this.spec;
    while (Date.now() < deadline) {
      if (exitCode !== undefined) throw new Error(this.errors.lastLine || `${this.spec.name} exited with code ${exitCode}.`);
      if (healthUrl === null) return;
      try {
        const res = await fetch(healthUrl, { signal: AbortSignal.timeout(1_000) });
        await res.body?.cancel();
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(150);
    }
    throw new Error(`${this.spec.name} did not become healthy within ${timeoutMs} ms.`);
  }

  onExit(listener: (code: number | null) => void): void {
    void this.exited.then(listener);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }
}
