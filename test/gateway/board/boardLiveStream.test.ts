import { describe, expect, it } from 'vitest';
import { eventIdOf, openLiveStream, overallState, type LiveConnectionState } from '../../../gateway/board/boardLiveStream.ts';

interface Call {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** An SSE response whose body sends `events` (graphql-sse `next` messages), then drops (`drop`) or stays open. */
function sseResponse(events: readonly unknown[], end: 'drop' | 'open'): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const data of events) controller.enqueue(encoder.encode(`event: next\ndata: ${JSON.stringify(data)}\n\n`));
      if (end === 'drop') setTimeout(() => controller.error(new Error('socket hang up')), 10);
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

const alarm = (id: string) => ({ data: { alarmRaised: { id, alarm: { id: `a-${id}` } } } });

function fakeGateway(responses: Array<() => Response>) {
  const calls: Call[] = [];
  const fetchFn = (async (_input: unknown, init?: RequestInit) => {
    calls.push({ headers: { ...(init?.headers as Record<string, string>) }, body: String(init?.body) });
    const next = responses.shift();
    if (!next) return new Promise<Response>(() => undefined); // held: no more answers
    return next();
  }) as typeof fetch;
  return { calls, fetchFn };
}

describe('a live stream of the board', () => {
  it('resumes after a dropped stream from the last event id it delivered, saying reconnecting then connected', async () => {
    const { calls, fetchFn } = fakeGateway([() => sseResponse([alarm('e1'), alarm('e2')], 'drop'), () => sseResponse([alarm('e3')], 'open')]);
    const states: LiveConnectionState[] = [];
    const seen: string[] = [];
    const stream = openLiveStream<{ alarmRaised: { id: string } }>({
      url: 'http://board.test/graphql/stream', query: 'subscription { alarmRaised { id } }', fetchFn, backoffMs: () => 1,
      headers: () => ({ authorization: 'Bearer t' }),
      onData: (data) => void seen.push(data.alarmRaised.id),
      onState: (state) => void states.push(state),
    });
    await expect.poll(() => seen).toEqual(['e1', 'e2', 'e3']);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.headers).toMatchObject({ authorization: 'Bearer t' });
    expect(calls[0]!.headers['last-event-id']).toBeUndefined();
    expect(calls[1]!.headers).toMatchObject({ authorization: 'Bearer t', 'last-event-id': 'e2' });
    expect(JSON.parse(calls[1]!.body)).toEqual({ query: 'subscription { alarmRaised { id } }', variables: {} });
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    expect(stream.lastEventId()).toBe('e3');
    stream.close();
  });

  it('keeps retrying while the gateway is away (5xx) and stops at a refusal (401) as disconnected', async () => {
    const { calls, fetchFn } = fakeGateway([
      () => new Response('down', { status: 503 }), () => new Response('down', { status: 502 }), () => new Response('no', { status: 401 }),
    ]);
    const states: Array<[LiveConnectionState, string | undefined]> = [];
    const stream = openLiveStream({
      url: 'http://board.test/graphql/stream', query: 'subscription { alarmRaised { id } }', fetchFn, backoffMs: () => 1,
      onData: () => undefined, onState: (state, detail) => void states.push([state, detail]),
    });
    await expect.poll(() => states.at(-1)?.[0]).toBe('disconnected');
    expect(calls).toHaveLength(3);
    expect(states).toEqual([['connecting', undefined], ['reconnecting', undefined], ['reconnecting', undefined], ['disconnected', 'HTTP 401']]);
    stream.close();
  });

  it('ends as disconnected with the code of the error that ended the stream (EVENTS_EXPIRED)', async () => {
    const encoder = new TextEncoder();
    const expired = () => new Response(new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`event: next\ndata: ${JSON.stringify({ errors: [{ message: 'gone', extensions: { code: 'EVENTS_EXPIRED' } }] })}\n\nevent: complete\ndata:\n\n`));
        controller.close();
      },
    }), { status: 200, headers: { 'content-type': 'text/event-stream' } });
    const { fetchFn } = fakeGateway([expired]);
    const states: Array<[LiveConnectionState, string | undefined]> = [];
    openLiveStream({
      url: 'http://board.test/graphql/stream', query: 'subscription { alarmRaised { id } }', fetchFn, backoffMs: () => 1,
      onData: () => undefined, onState: (state, detail) => void states.push([state, detail]),
    });
    await expect.poll(() => states.at(-1)).toEqual(['disconnected', 'EVENTS_EXPIRED']);
  });

  it('reads the event id of any live field and rates several streams by the worst', () => {
    expect(eventIdOf({ readingReported: { id: 'r1', cityCode: '500153' } })).toBe('r1');
    expect(eventIdOf({ bureauStatusChanged: { cityCode: '500153' } })).toBeNull();
    expect(eventIdOf(null)).toBeNull();
    expect(overallState(['connected', 'reconnecting', 'connected'])).toBe('reconnecting');
    expect(overallState(['connected', 'disconnected', 'reconnecting'])).toBe('disconnected');
    expect(overallState(['connected'])).toBe('connected');
    expect(overallState([])).toBe('connecting');
  });
});
