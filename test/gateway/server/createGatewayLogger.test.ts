import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { batchedDestination, createGatewayLogger } from '../../../gateway/server/createGatewayLogger.ts';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } };
}

describe('createGatewayLogger', () => {
  it('writes the gateway\'s event shape as one JSON line: level as a word, msg, ISO time, origin', () => {
    const { lines, stream } = capture();
    createGatewayLogger(stream)({ level: 'warn', msg: 'subgraph state', subgraph: '500152', state: 'down' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'subgraph state', subgraph: '500152', state: 'down', origin: 'gateway' });
    expect(new Date(String(lines[0]!['time'])).toISOString()).toBe(lines[0]!['time']);
  });

  it('drops authorization, headers and variables if an event ever carries them', () => {
    const { lines, stream } = capture();
    createGatewayLogger(stream)({ msg: 'oops', authorization: 'Bearer t', headers: { authorization: 'Bearer t' }, variables: { phone: '138' } });
    expect(JSON.stringify(lines)).not.toMatch(/Bearer|138/);
  });

  it('logs an event without a known level at info', () => {
    const { lines, stream } = capture();
    createGatewayLogger(stream)({ level: 'loud', msg: 'x' });
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'x' });
  });
});

describe('createGatewayLogger in batches', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function logFile() {
    const dir = mkdtempSync(join(tmpdir(), 'ecograph-log-'));
    dirs.push(dir);
    return join(dir, 'gateway.log');
  }
  const linesOf = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

  it('holds a few lines back to write them together, and writes every one on flush, in order', async () => {
    const path = logFile();
    const destination = batchedDestination(path);
    await new Promise((resolve) => destination.once('ready', resolve));
    const log = createGatewayLogger(destination);
    for (let i = 0; i < 3; i += 1) log({ msg: 'request', requestId: `r-${i}` });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readFileSync(path, 'utf8')).toBe(''); // a few hundred bytes: still in the batch

    await log.flush();
    expect(linesOf(path).map((l) => l['requestId'])).toEqual(['r-0', 'r-1', 'r-2']);
  });

  it.each([
    ['the gateway stops (gateway.main.ts awaits flush, then exits)', 'await log.flush(); process.exit(0);'],
    ['the process exits without a flush', 'process.exit(3);'],
  ])('writes the last lines to standard error when %s', async (_when, end) => {
    const logger = pathToFileURL(resolve('gateway/server/createGatewayLogger.ts')).href;
    const script = `const { createGatewayLogger } = await import(${JSON.stringify(logger)});
      const log = createGatewayLogger();
      for (let i = 0; i < 5; i += 1) log({ msg: 'request', requestId: 'last-' + i });
      ${end}`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    await new Promise((resolve) => child.once('close', resolve));
    const ids = stderr.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as Record<string, unknown>)['requestId']);
    expect(ids).toEqual(['last-0', 'last-1', 'last-2', 'last-3', 'last-4']);
  });
});
