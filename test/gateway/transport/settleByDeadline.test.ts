import type { Dispatcher } from 'undici';
import { describe, expect, it, vi } from 'vitest';
import { settleByDeadline } from '../../../gateway/transport/settleByDeadline.ts';

/** A request undici has not settled: what a request waiting for a connection to a dead host is. */
function pendingRequest() {
  let resolve!: (res: Dispatcher.ResponseData) => void;
  const promise = new Promise<Dispatcher.ResponseData>((r) => { resolve = r; });
  return { promise, resolve };
}

const answer = (dump = vi.fn(async () => undefined)) => ({ statusCode: 200, body: { dump } }) as unknown as Dispatcher.ResponseData;

describe('settleByDeadline', () => {
  it('rejects with the abort reason when the deadline passes, although undici has not settled the request', async () => {
    const deadline = new AbortController();
    const pending = pendingRequest();
    const settled = settleByDeadline(pending.promise, deadline.signal);
    deadline.abort(new Error('deadline'));
    await expect(settled).rejects.toThrow('deadline');
  });

  it('drains the answer that arrives after the deadline, so its socket goes back to the pool', async () => {
    const deadline = new AbortController();
    const pending = pendingRequest();
    const settled = settleByDeadline(pending.promise, deadline.signal);
    deadline.abort(new Error('deadline'));
    await expect(settled).rejects.toThrow('deadline');
    const dump = vi.fn(async () => undefined);
    pending.resolve(answer(dump));
    await vi.waitFor(() => expect(dump).toHaveBeenCalledOnce());
  });

  it('passes the answer through when it comes first, and a later abort changes nothing', async () => {
    const deadline = new AbortController();
    const res = answer();
    const settled = settleByDeadline(Promise.resolve(res), deadline.signal);
    await expect(settled).resolves.toBe(res);
    deadline.abort(new Error('late'));
    expect(res.body.dump).not.toHaveBeenCalled();
  });

  it('rejects at once for a signal that was already aborted', async () => {
    await expect(settleByDeadline(pendingRequest().promise, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
  });
});
