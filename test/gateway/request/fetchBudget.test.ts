import { describe, expect, it } from 'vitest';
import { fetchBudget } from '../../../gateway/request/fetchBudget.ts';

describe('fetchBudget', () => {
  it.each([
    ['no request deadline: the subgraph\'s own', 3_000, undefined, 1_000, { timeoutMs: 3_000, byRequest: false }],
    ['plenty left: the subgraph\'s own', 3_000, 10_000, 1_000, { timeoutMs: 3_000, byRequest: false }],
    ['exactly its own left', 3_000, 4_000, 1_000, { timeoutMs: 3_000, byRequest: false }],
    ['a region fetch took 1.2 s of 3 s: what is left', 3_000, 3_000, 1_200, { timeoutMs: 1_800, byRequest: true }],
    ['past the deadline: nothing to send', 3_000, 3_000, 3_000.4, { timeoutMs: -1, byRequest: true }],
  ] as const)('%s', (_case, own, deadline, now, expected) => {
    expect(fetchBudget(own, deadline, now)).toEqual(expected);
  });
});
