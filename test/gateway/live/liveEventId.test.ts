import { describe, expect, it } from 'vitest';
import { decodeEventId, encodeEventId, MAX_EVENT_ID_LENGTH } from '../../../gateway/live/liveEventId.ts';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('event ids', () => {
  it('round-trips a region position, one id per position whatever the key order', () => {
    const position = { 510900: { readings: 42, cooperation: 7 }, 500152: { readings: 3 } };
    const id = encodeEventId(position);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeEventId(id)).toEqual(position);
    expect(encodeEventId({ 500152: { readings: 3 }, 510900: { cooperation: 7, readings: 42 } })).toBe(id);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc$%'],
    ['not JSON', b64('{nope')],
    ['not a bureau code', b64({ chengdu: { readings: 1 } })],
    ['a bad feed name', b64({ 510900: { Readings: 1 } })],
    ['a negative sequence', b64({ 510900: { readings: -1 } })],
    ['a fractional sequence', b64({ 510900: { readings: 1.5 } })],
    ['an array', b64([1, 2])],
    ['an empty position', b64({})],
    ['too long', 'a'.repeat(MAX_EVENT_ID_LENGTH + 1)],
  ])('refuses an id that is %s', (_what, id) => {
    expect(decodeEventId(id)).toBeNull();
  });

  it('keeps "__proto__" keys as plain data', () => {
    expect(decodeEventId(b64('{"__proto__":{"readings":1}}'))).toBeNull(); // not a bureau code, and no position is empty
    const decoded = decodeEventId(encodeEventId({ 510900: { readings: 1 } }))!;
    expect(Object.getPrototypeOf(decoded)).toBeNull();
  });
});
