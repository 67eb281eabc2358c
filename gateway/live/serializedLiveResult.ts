/**
 * One result of a shared stream goes to every member (createSubscriptionFanout.ts): it is masked
 * (maskLiveResult.ts) and serialized once, and each transport splices those bytes into its own
 * envelope instead of running JSON.stringify over the same payload for every subscriber.
 *
 * graphql-ws and graphql-sse serialize each message themselves. Their `onNext` hook hands them a
 * `SerializedPayload` instead of the result: JSON.stringify writes it as a marker string, and the
 * transport replaces the quoted marker with the payload's JSON before the bytes leave —
 * `spliceSerialized` (the marker is a string no GraphQL result of ours produces: it starts with NUL).
 */
import type { ExecutionResult } from 'graphql';
import { maskLiveResult } from './maskLiveResult.ts';

const MARK = '\u0000ecograph-live-payload';
const QUOTED_MARK = JSON.stringify(MARK);

const serialized = new WeakMap<ExecutionResult, string>();

/** The masked result's JSON, computed once per result object (whatever number of members it reaches). */
export function serializeLiveResult(result: ExecutionResult, log: (event: Record<string, unknown>) => void): string {
  let json = serialized.get(result);
  if (json === undefined) {
    json = JSON.stringify(maskLiveResult(result, log));
    serialized.set(result, json);
  }
  return json;
}

/** Stands for a serialized payload inside a transport's message; remembers the last one written. */
export class SerializedPayload {
  /** The payload whose marker JSON.stringify wrote last (graphql-ws sends each message as soon as it is stringified). */
  static lastWritten: string | null = null;

  constructor(readonly json: string) {}

  toJSON(): string {
    SerializedPayload.lastWritten = this.json;
    return MARK;
  }
}

/** `text` with the quoted marker replaced by `json`; `text` itself when it holds no marker. */
export function spliceSerialized(text: string, json: string): string {
  const at = text.lastIndexOf(QUOTED_MARK);
  return at < 0 ? text : text.slice(0, at) + json + text.slice(at + QUOTED_MARK.length);
}
