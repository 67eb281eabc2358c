import { describe, expect, it } from 'vitest';
import { readRequestId } from '../../../schema/http/requestId.ts';

const generate = () => 'generated';

describe('readRequestId', () => {
  it('keeps a well-formed incoming id of up to 64 characters of [A-Za-z0-9._-]', () => {
    expect(readRequestId('abc-DEF_1.2', generate)).toBe('abc-DEF_1.2');
    expect(readRequestId('x'.repeat(64), generate)).toBe('x'.repeat(64));
  });

  it('generates an id when the header is absent, empty, too long or has other characters', () => {
    for (const bad of [undefined, '', 'x'.repeat(65), 'a b', 'a\nb', '"quoted"', 'ünicode']) {
      expect(readRequestId(bad, generate)).toBe('generated');
    }
  });

  it('generates a UUID by default', () => {
    expect(readRequestId(undefined)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
