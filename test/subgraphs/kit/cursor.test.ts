import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../subgraphs/kit/cursor.ts';

const byFiled = { field: 'filedAt', direction: 'DESC' } as const;

describe('list cursors', () => {
  it('round-trips a numeric and a string sort position', () => {
    expect(decodeCursor(encodeCursor(byFiled, { value: 1_700_000_000_000, id: 'abc' }), byFiled)).toEqual({
      ok: true,
      position: { value: 1_700_000_000_000, id: 'abc' },
    });
    const byCode = { field: 'code', direction: 'ASC' } as const;
    expect(decodeCursor(encodeCursor(byCode, { value: '500152GH01', id: 'x' }), byCode)).toMatchObject({ ok: true });
  });

  it('refuses a cursor taken from a list in another order', () => {
    const cursor = encodeCursor({ field: 'id', direction: 'ASC' }, { value: 'a', id: 'a' });
    expect(decodeCursor(cursor, byFiled)).toEqual({ ok: false, reason: expect.stringMatching(/sorted by id ASC/) });
  });

  it.each(['', 'not a cursor!', 'eyJ4IjoxfQ', Buffer.from('[1,"filedAt","DESC",null,"a"]').toString('base64url'), 'A'.repeat(600)])(
    'refuses the malformed cursor %j',
    (cursor) => {
      expect(decodeCursor(cursor, byFiled).ok).toBe(false);
    },
  );
});
