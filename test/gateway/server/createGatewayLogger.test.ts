import { describe, expect, it } from 'vitest';
import { createGatewayLogger } from '../../../gateway/server/createGatewayLogger.ts';

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
