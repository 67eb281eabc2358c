import { describe, expect, it } from 'vitest';
import { createRng } from '../../../devtools/demo-world/createRng.ts';

const draw = (seed: string, n = 20) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    expect(createRng(42).seed).toBe('42');
  });

  it('derives forks from their name, not from how much the parent has drawn', () => {
    const fresh = createRng('world');
    const used = createRng('world');
    for (let i = 0; i < 100; i++) used.next();
    const a = fresh.fork('500152/cases');
    const b = used.fork('500152/cases');
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
    expect(createRng('world').fork('x').next()).not.toBe(createRng('world').fork('y').next());
    expect(a.seed).toBe('world/500152/cases');
  });

  it('draws integers over the whole inclusive range and nothing outside it', () => {
    const rng = createRng('int');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(() => rng.int(2, 1)).toThrow(RangeError);
  });

  it('keeps floats in [0, 1) and within a requested range', () => {
    const rng = createRng('float');
    const us = Array.from({ length: 5000 }, () => rng.next());
    const fs = Array.from({ length: 5000 }, () => rng.float(-2, 5));
    expect(Math.min(...us)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...us)).toBeLessThan(1);
    expect(Math.min(...fs)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...fs)).toBeLessThan(5);
  });

  it('picks by weight roughly in proportion and never picks a zero weight', () => {
    const rng = createRng('weighted');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted([['a', 1], ['b', 3], ['c', 0]] as const)]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.6);
    expect(counts.b / counts.a).toBeLessThan(3.4);
  });

  it('shuffles into a permutation without touching the input, and samples distinct items', () => {
    const rng = createRng('shuffle');
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = rng.shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort()).toEqual(input);
    const sample = rng.sample(input, 3);
    expect(new Set(sample).size).toBe(3);
    expect(rng.sample(input, 20)).toHaveLength(8);
  });

  it('draws normals with about the requested mean and standard deviation', () => {
    const rng = createRng('normal');
    const xs = Array.from({ length: 20_000 }, () => rng.normal(10, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
  });
});
