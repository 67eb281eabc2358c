/**
 * The live bench's subscriber: the graphql-transport-ws protocol (what graphql-ws speaks) by hand
 * over `ws`, reading of each `next` message only the subscription's id and the event's id.
 * graphql-ws's own client parses and validates every message in full; with 1 000 subscribers in the
 * bench process that made the bench, not the gateway, the limit (one core busy at ~30 000 messages/s
 * in a profile of the bench). A message that is not a `next` with an event id — an error, a result
 * with errors, a close — counts as an error of the run.
 */
import WebSocket from 'ws';

export interface LeanSubscriber {
  /** Called for each event: which subscription (0-based on this connection) and the event's id. */
  onEvent(subscription: number, eventId: string): void;
  onError(detail: string): void;
}

export interface LeanConnection {
  close(): void;
}

const NEXT = '"type":"next"';

/** Opens one connection with `count` subscriptions of `query` (whose root field is `field`); resolves once they are sent. */
export function openLeanConnection(
  url: string, authorization: string, query: string, field: string, count: number, subscriber: LeanSubscriber,
): Promise<LeanConnection> {
  const eventIdAt = `"${field}":{"id":"`;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } })));
    socket.on('close', (code, reason) => {
      if (code !== 1000) subscriber.onError(`closed ${code} ${reason.toString()}`);
    });
    socket.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      if (text.includes(NEXT) && !text.includes('"errors"')) {
        const subscription = Number(between(text, '{"id":"', '"'));
        const eventId = between(text, eventIdAt, '"');
        if (eventId !== null) return subscriber.onEvent(subscription, eventId);
      } else if (text.includes('"type":"connection_ack"')) {
        for (let i = 0; i < count; i++) socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query } }));
        return resolve({ close: () => socket.close(1000) });
      } else if (text.includes('"type":"ping"')) {
        return socket.send('{"type":"pong"}');
      }
      subscriber.onError(text.slice(0, 300));
    });
  });
}

function between(text: string, before: string, after: string): string | null {
  const start = text.indexOf(before);
  if (start < 0) return null;
  const end = text.indexOf(after, start + before.length);
  return end < 0 ? null : text.slice(start + before.length, end);
}
