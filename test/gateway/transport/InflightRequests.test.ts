/** The sharing mechanism alone: who starts, who joins, who leaves, and what each one gets. */
import { describe, expect, it } from 'vitest';
import { InflightRequests, type LeaveReason } from '../../../gateway/transport/InflightRequests.ts';

type Value = { readonly n: number } | LeaveReason;

/** A call the test settles by hand; it ignores its signal, as a slow socket would for a moment. */
function calls() {
  const started: Array<{ signal: AbortSignal; settle(value: Value): void; fail(error: Error): void }> = [];
  const start = (signal: AbortSignal) => new Promise<Value>((settle, fail) => void started.push({ signal, settle, fail }));
  return { started, start };
}

const left = (reason: LeaveReason): Value => reason;

describe('InflightRequests', () => {
  it('starts a fresh call for a request that comes after every waiter left, never joining the one being torn down', async () => {
    let joins = 0;
    const inflight = new InflightRequests<Value>((v) => v, () => void (joins += 1));
    const { started, start } = calls();
    const gone = new AbortController();
    const first = inflight.join('k', { signal: gone.signal }, start, left);
    gone.abort();
    expect(await first).toBe('aborted');
    expect(started[0]!.signal.aborted).toBe(true);
    expect(inflight.size).toBe(0);

    const second = inflight.join('k', {}, start, left);
    expect(started).toHaveLength(2);
    started[0]!.settle({ n: 1 }); // the torn-down call answering late reaches nobody
    started[1]!.settle({ n: 2 });
    expect(await second).toEqual({ n: 2 });
    expect(joins).toBe(0);
  });

  it('hands the value itself to the first waiter to take it and a copy to every other, the first one that left included', async () => {
    const inflight = new InflightRequests<Value>((v) => (typeof v === 'string' ? v : { ...v }));
    const { started, start } = calls();
    const early = new AbortController();
    const waiters = [inflight.join('k', { signal: early.signal }, start, left), inflight.join('k', {}, start, left), inflight.join('k', {}, start, left)];
    early.abort();
    const value = { n: 7 };
    started[0]!.settle(value);
    const [a, b, c] = await Promise.all(waiters);
    expect(a).toBe('aborted');
    expect(b).toBe(value);
    expect(c).toEqual(value);
    expect(c).not.toBe(value);
  });

  it('lets each waiter leave on its own deadline and passes a failed call on to everyone still waiting', async () => {
    const inflight = new InflightRequests<Value>((v) => v);
    const { started, start } = calls();
    const hurried = inflight.join('k', { timeoutMs: 10 }, start, left);
    const patient = inflight.join('k', {}, start, left);
    expect(await hurried).toBe('timeout');
    expect(started[0]!.signal.aborted).toBe(false);
    started[0]!.fail(new Error('boom'));
    await expect(patient).rejects.toThrow('boom');
    expect(inflight.size).toBe(0);
  });
});
