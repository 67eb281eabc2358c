import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../../gateway/shard-engine/base64url.ts';
import { decodeCompositeCursor, encodeCompositeCursor, type CompositeCursor } from '../../../gateway/shard-engine/compositeCursor.ts';

const cursor: CompositeCursor = {
  list: 'enforcementCases',
  sort: 'filedAt DESC',
  positions: new Map([['500000', 'WzEsImZpbGVkQXQiXQ'], ['510900', null]]),
  exhausted: new Map([['511600', 12]]),
};
const raw = (value: unknown) => encodeBase64Url(JSON.stringify(value));

describe('composite cursors', () => {
  it('round-trips every bureau\'s position and the bureaus that ran out', () => {
    expect(decodeCompositeCursor(encodeCompositeCursor(cursor), 'enforcementCases', 'filedAt DESC')).toEqual({ ok: true, cursor });
  });

  it('is base64url without padding', () => {
    expect(encodeCompositeCursor(cursor)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses a cursor of another order, saying which', () => {
    expect(decodeCompositeCursor(encodeCompositeCursor(cursor), 'enforcementCases', 'id ASC')).toEqual({
      ok: false, reason: 'it was taken from this list sorted by filedAt DESC, not id ASC',
    });
  });

  it.each([
    ['another list', encodeCompositeCursor({ ...cursor, list: 'projects' })],
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['not JSON', encodeBase64Url('{nope')],
    ['another version', raw([2, 'enforcementCases', 'filedAt DESC', [], []])],
    ['a bureau listed twice', raw([1, 'enforcementCases', 'filedAt DESC', [['500000', null]], [['500000', 1]]])],
    ['a bureau named __proto__', raw([1, 'enforcementCases', 'filedAt DESC', [['__proto__', null]], []])],
    ['a negative count', raw([1, 'enforcementCases', 'filedAt DESC', [], [['500000', -1]]])],
    ['a non-string position', raw([1, 'enforcementCases', 'filedAt DESC', [['500000', 7]], []])],
    ['a kit cursor of one bureau', raw([1, 'filedAt', 'DESC', 1704067200000, 'abc'])],
    ['an over-long cursor', 'A'.repeat(20_000)],
  ])('refuses %s', (_name, text) => {
    expect(decodeCompositeCursor(text, 'enforcementCases', 'filedAt DESC').ok).toBe(false);
  });
});
