import { describe, expect, it } from 'vitest';
import { asciiLowerCase } from '../../../../subgraphs/adapters/sql/asciiFoldedMatchesAny.ts';
import { containsPattern } from '../../../../subgraphs/adapters/sql/matchesAny.ts';

describe('LIKE patterns', () => {
  it('escapes %, _ and the escape character itself', () => {
    expect(containsPattern('a\\%_b')).toBe('%a\\\\\\%\\_b%');
  });

  it('lower-cases A–Z only, leaving Ü, fullwidth Ｐ and Chinese as they are', () => {
    expect(asciiLowerCase('XM-100PCT ÜBER ＰＭ２ 遂宁')).toBe('xm-100pct Über ＰＭ２ 遂宁');
  });
});
