import { describe, expect, it } from 'vitest';
import { ReplayRecordings } from '../../bench/ReplayRecordings.ts';

const answer = (text: string) => ({ status: 200, contentType: 'application/json', body: Buffer.from(text) });

describe('ReplayRecordings', () => {
  it('replays the answer recorded for the same bureau, path and body', () => {
    const recordings = new ReplayRecordings();
    recordings.record(ReplayRecordings.key('510900', '/graphql', '{"query":"{a}"}'), answer('{"data":{"a":1}}'));
    expect(recordings.replay(ReplayRecordings.key('510900', '/graphql', '{"query":"{a}"}'))?.body.toString()).toBe('{"data":{"a":1}}');
  });

  it('has no answer (a counted miss) for another body, another path or another bureau', () => {
    const recordings = new ReplayRecordings();
    recordings.record(ReplayRecordings.key('510900', '/graphql', '{"query":"{a}"}'), answer('{}'));
    expect(recordings.replay(ReplayRecordings.key('510900', '/graphql', '{"query":"{b}"}'))).toBeNull();
    expect(recordings.replay(ReplayRecordings.key('510900', '/cooperation/inbox', '{"query":"{a}"}'))).toBeNull();
    expect(recordings.replay(ReplayRecordings.key('500000', '/graphql', '{"query":"{a}"}'))).toBeNull();
    expect(recordings.stats()).toEqual({ mode: 'record', recorded: 1, forwarded: 1, replayed: 0, misses: 3, refused: 0 });
  });

  it('keeps the first answer to a key when the same request is recorded again', () => {
    const recordings = new ReplayRecordings();
    const key = ReplayRecordings.key('510900', '/graphql', '{}');
    recordings.record(key, answer('first'));
    recordings.record(key, answer('second'));
    expect(recordings.replay(key)?.body.toString()).toBe('first');
    expect(recordings.stats()).toMatchObject({ recorded: 1, forwarded: 2, replayed: 1 });
  });
});
