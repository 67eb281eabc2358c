import { describe, expect, it } from 'vitest';
import { bureauFileSchema } from '../../../subgraphs/config/subgraphConfigSchema.ts';

const bureau = (hj212: unknown) => ({ code: '500153', bureau: '荣昌区生态环境局', port: 4013, source: { kind: 'sqlite' }, hj212 });

describe('bureau.json: the per-MN CRC-16/MODBUS opt-in of the HJ 212 ingest', () => {
  it('defaults to no MN, so no MODBUS CRC is ever taken unless a bureau names the device', () => {
    expect(bureauFileSchema.parse(bureau({ port: 9212 })).hj212?.modbusCrcMns).toEqual([]);
    expect(bureauFileSchema.parse(bureau({ modbusCrcMns: ['4201003'] })).hj212?.modbusCrcMns).toEqual(['4201003']);
  });

  it.each([
    [{ modbusCrcMns: ['4201003', 'MN;with;separators'] }, 'hj212.modbusCrcMns.1', 'an MN is 1–24 letters, digits'],
    [{ modbusCrcMns: 'ALL' }, 'hj212.modbusCrcMns', ''],
    [{ modbusCrc: ['4201003'] }, 'hj212', 'modbusCrc'],
  ])('refuses %o naming %s', (hj212, path, text) => {
    const result = bureauFileSchema.safeParse(bureau(hj212));
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path.join('.')).toBe(path);
    expect(JSON.stringify(issue)).toContain(text);
  });
});
