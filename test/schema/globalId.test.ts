import { describe, expect, it } from 'vitest';
import { decodeGlobalId, encodeGlobalId } from '../../schema/globalId.ts';

describe('global ids', () => {
  it('round-trips the type, bureau and local id', () => {
    const id = encodeGlobalId('EnforcementCase', '510900', 'C0042');
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeGlobalId(id)).toEqual({ type: 'EnforcementCase', cityCode: '510900', localId: 'C0042' });
  });

  it('gives the same local id in two bureaus two different ids', () => {
    expect(encodeGlobalId('Station', '510900', 'ST0001')).not.toBe(encodeGlobalId('Station', '500152', 'ST0001'));
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc$%'],
    ['unknown type', Buffer.from('Widget:510900:1').toString('base64url')],
    ['bad city code', Buffer.from('Station:5109:1').toString('base64url')],
    ['extra separator', Buffer.from('Station:510900:1:2').toString('base64url')],
    ['padded (non-canonical)', `${encodeGlobalId('Station', '510900', 'ST1')}==`],
  ])('refuses %s', (_why, id) => {
    expect(decodeGlobalId(id)).toBeNull();
  });

  it('refuses to encode a local id with a separator', () => {
    expect(() => encodeGlobalId('Station', '510900', 'a:b')).toThrow(/localId/);
  });
});
