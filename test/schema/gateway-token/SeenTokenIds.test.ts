import { describe, expect, it } from 'vitest';
import { SeenTokenIds } from '../../../schema/gateway-token/SeenTokenIds.ts';

describe('SeenTokenIds', () => {
  it('refuses an id it holds and forgets ids once their tokens expired, so memory stays bounded', () => {
    let now = 0;
    const seen = new SeenTokenIds(() => now);
    for (let i = 0; i < 1000; i++) expect(seen.remember(`jti-${i}`, now + 30_000)).toBe(true);
    expect(seen.remember('jti-5', now + 30_000)).toBe(false);
    now = 31_000;
    expect(seen.remember('fresh', now + 30_000)).toBe(true);
    expect(seen.size).toBe(1);
    expect(seen.remember('jti-5', now + 30_000)).toBe(true); // expired long ago: its token cannot pass `exp` any more
  });
});
