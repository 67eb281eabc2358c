/**
 * One bureau's follower against a scripted bureau: what it tells the registry when the bureau's
 * stream answers again after failing (its circuit closes before the events' graph queries run).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BureauEvent, EventPullAnswer, EventPullRequest } from '../../../schema/events/bureauEvents.ts';
import { createBureauFollower, type BureauFollower } from '../../../gateway/events/createBureauFollower.ts';
import type { FollowedBureau } from '../../../gateway/events/FollowedBureau.ts';
import type { PostOutcome } from '../../../gateway/transport/createSubgraphClient.ts';

const CODE = '500153';
const event = (seq: number): BureauEvent => ({ feed: 'bulletins', seq, at: Date.now(), body: { kind: 'bulletin-received', bulletinId: `b${seq}` } });

let follower: BureauFollower | undefined;
afterEach(async () => follower?.stop());

/** Answers each pull with the next scripted outcome; once the script is out, held pulls wait until stopped. */
function scriptedBureau(script: Array<'down' | readonly BureauEvent[]>, told: string[]): FollowedBureau {
  return {
    code: CODE,
    timeoutMs: 1_000,
    headers: () => ({}),
    answered: () => void told.push('answered'),
    client: {
      url: `http://${CODE}.test/graphql`,
      async post(body, { signal }): Promise<PostOutcome> {
        const request = JSON.parse(body) as EventPullRequest;
        const next = script.shift();
        if (next === 'down') return { kind: 'failed', reason: 'unreachable', message: 'ECONNREFUSED' };
        if (next === undefined) await new Promise((resolve) => signal?.addEventListener('abort', resolve, { once: true }));
        const events = request.after === null ? [] : [...(next ?? [])];
        const answer: EventPullAnswer = { events, heads: { bulletins: events.at(-1)?.seq ?? 0 }, expired: [], retentionMs: 86_400_000 };
        return { kind: 'ok', body: answer };
      },
      close: async () => undefined,
    },
  };
}

describe('createBureauFollower', () => {
  it('tells the registry once when the stream answers after failing, before that answer\'s events are handed on', async () => {
    const told: string[] = [];
    const bureau = scriptedBureau([[], 'down', 'down', [event(1), event(2)], [event(3)]], told);
    follower = createBureauFollower({
      code: CODE, bureau: () => bureau, waitMs: 1_000, retryDelay: () => 1, now: Date.now,
      onEvents: (_code, events) => void told.push(`events ${events.map((e) => e.seq).join(',')}`),
      onExpired: () => undefined, log: () => undefined,
    });
    await expect.poll(() => told).toEqual(['answered', 'events 1,2', 'events 3']);
    expect(follower.status().state).toBe('following');
  });

  it('tells nothing when the first pull answers: nothing failed before it', async () => {
    const told: string[] = [];
    const bureau = scriptedBureau([[], [event(1)]], told);
    follower = createBureauFollower({
      code: CODE, bureau: () => bureau, waitMs: 1_000, retryDelay: () => 1, now: Date.now,
      onEvents: (_code, events) => void told.push(`events ${events.map((e) => e.seq).join(',')}`),
      onExpired: () => undefined, log: () => undefined,
    });
    await expect.poll(() => told).toEqual(['events 1']);
  });
});
