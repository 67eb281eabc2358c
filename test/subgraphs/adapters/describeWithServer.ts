/**
 * Real-server suites: run when the server answers; otherwise skip LOUDLY on a developer machine
 * (a warning naming the server and how to start it, and the suite reported as skipped), and FAIL
 * when `CI` is set (.ci/run sets it), so that CI can never pass without having run them.
 */
import { describe, expect, it } from 'vitest';

export interface TestServer {
  /** e.g. 'PostgreSQL' */
  readonly name: string;
  /** Where the suite looked, without credentials. */
  readonly where: string;
  /** The command that starts it on this machine. */
  readonly howToStart: string;
  /** Resolves with the connection error, or null when the server answered. */
  readonly probe: () => Promise<Error | null>;
}

export async function describeWithServer(server: TestServer, title: string, body: () => void): Promise<void> {
  const error = await server.probe();
  if (error === null) {
    describe(title, body);
    return;
  }
  const why = `${server.name} is not reachable at ${server.where} (${error.message}). Start it with: ${server.howToStart}`;
  if (isCi(process.env['CI'])) {
    describe(title, () => {
      it(`reaches ${server.name} (required when CI is set)`, () => {
        expect.fail(why);
      });
    });
    return;
  }
  console.warn(`\n⚠️  SKIPPING "${title}": ${why}\n`);
  describe.skip(`${title} [SKIPPED: ${server.name} unreachable]`, body);
}

/** A URL without its password, for messages. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** CI is "set" unless empty, 'false' or '0' (some runners export CI=false for local runs). */
function isCi(value: string | undefined): boolean {
  return value !== undefined && !['', 'false', '0'].includes(value.toLowerCase());
}
