import { describe, expect, it } from 'vitest';
import { DateScalar, DateTimeScalar, formatCst } from '../../../subgraphs/kit/scalars.ts';

describe('time scalars', () => {
  it('shows an instant in China Standard Time with its +08:00 offset', () => {
    expect(formatCst(Date.parse('2024-03-15T01:00:00Z'))).toBe('2024-03-15T09:00:00+08:00');
    expect(DateTimeScalar.serialize(Date.parse('2024-12-31T16:30:00.250Z'))).toBe('2025-01-01T00:30:00.250+08:00');
  });

  it('accepts any explicit offset and refuses a local time without one', () => {
    expect(DateTimeScalar.parseValue('2024-03-15T09:00:00+08:00')).toBe(Date.parse('2024-03-15T01:00:00Z'));
    expect(DateTimeScalar.parseValue('2024-03-15T01:00:00Z')).toBe(Date.parse('2024-03-15T01:00:00Z'));
    expect(() => DateTimeScalar.parseValue('2024-03-15T09:00:00')).toThrow(/offset/);
    expect(() => DateTimeScalar.parseValue('yesterday')).toThrow(/offset/);
  });

  it('accepts real calendar dates only', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(() => DateScalar.parseValue('2023-02-29')).toThrow(/YYYY-MM-DD/);
    expect(() => DateScalar.parseValue('2024-3-1')).toThrow(/YYYY-MM-DD/);
  });
});
