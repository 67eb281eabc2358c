import { describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import { SerializedPayload, serializeLiveResult, spliceSerialized } from '../../../gateway/live/serializedLiveResult.ts';

describe('a result serialized once for every member', () => {
  it('writes the same bytes JSON.stringify would, inside any envelope, with the payload spliced in', () => {
    const result = { data: { readingReported: { id: 'eyJ9', station: { name: '米家桥"站"\n' } } } };
    const json = serializeLiveResult(result, () => undefined);
    const envelope = JSON.stringify({ id: 'sub-7', type: 'next', payload: new SerializedPayload(json) });
    expect(spliceSerialized(envelope, json)).toBe(JSON.stringify({ id: 'sub-7', type: 'next', payload: result }));
    expect(SerializedPayload.lastWritten).toBe(json);
    const chunk = `event: next\ndata: ${JSON.stringify(new SerializedPayload(json))}\n\n`;
    expect(spliceSerialized(chunk, json)).toBe(`event: next\ndata: ${JSON.stringify(result)}\n\n`);
  });

  it('masks and serializes a result once, however many members it reaches, and logs an unexpected error once', () => {
    const log = vi.fn();
    const result = { data: { alarmRaised: null }, errors: [new GraphQLError('boom in a resolver', { path: ['alarmRaised'] })] };
    const first = serializeLiveResult(result, log);
    expect(serializeLiveResult(result, log)).toBe(first);
    expect(JSON.parse(first)).toEqual({ data: { alarmRaised: null }, errors: [{ message: 'Unexpected error.', path: ['alarmRaised'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('leaves a message without a payload marker as it is', () => {
    expect(spliceSerialized('{"id":"1","type":"complete"}', '{"data":{}}')).toBe('{"id":"1","type":"complete"}');
  });
});
