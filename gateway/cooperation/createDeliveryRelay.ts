/**
 * The cooperation relay (README.md "Cooperation / 协同"): bureaus never call
 * each other, so the gateway carries their messages. Each pass, for every enabled bureau: pull its
 * outbox, deliver each pending message to the recipient's inbox in the pair's order, and once the
 * recipient confirms (accepted, or a duplicate it already holds), mark it delivered at the sender.
 * A pair that fails (recipient down, out of order, refused) stops there for this pass and waits an
 * exponential backoff; the sender's other pairs go on. Every request is signed by the gateway for
 * its bureau, as the gateway itself (schema/cooperation/relayMessages.ts has the protocol).
 *
 * Any number of relays (gateway replicas) may run: the inbox applies a message once and only as the
 * next of its pair, and marking delivered is idempotent, so two relays at worst send a duplicate.
 * The relay keeps no state that matters: backoff timers and the last outbox figures (for /metrics).
 */
import { request } from 'undici';
import type { ZodType } from 'zod';
import {
  inboxAnswerSchema, markDeliveredAnswerSchema, MAX_OUTBOX_PULL, outboxPullAnswerSchema, RELAY_ROUTES, type RelayMessage,
} from '../../schema/cooperation/relayMessages.ts';
import { DEFAULT_BACKOFF, deliveryBackoff, type BackoffPolicy } from './deliveryBackoff.ts';

export interface RelayTarget {
  readonly code: string;
  /** The bureau's /graphql URL; the relay's routes are on the same origin. */
  readonly url: string;
  readonly timeoutMs: number;
  headers(): Record<string, string>;
}

/** How the relay reaches a bureau: POST a JSON body to one of its relay routes. Injected in tests. */
export type RelayPost = (target: RelayTarget, path: string, body: unknown) => Promise<{ status: number; body: unknown }>;

export interface DeliveryRelayOptions {
  readonly targets: () => readonly RelayTarget[];
  /** Pause between passes. @default 1000 ms */
  readonly intervalMs?: number;
  readonly backoff?: BackoffPolicy;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default Math.random */
  readonly random?: () => number;
  /** @default undici over HTTP */
  readonly post?: RelayPost;
  readonly log?: (event: Record<string, unknown>) => void;
}

export interface OutboxFigures {
  readonly pendingCount: number;
  readonly oldestPendingAt: number | null;
}

export interface DeliveryRelay {
  /** One pass over every bureau; resolves when done (never rejects). */
  runOnce(): Promise<void>;
  /** Runs passes every intervalMs until stop(). */
  start(): void;
  stop(): Promise<void>;
  /** The last pull's figures per sender bureau (what /metrics shows). */
  outboxFigures(): ReadonlyMap<string, OutboxFigures>;
}

interface PairState {
  failures: number;
  retryAt: number;
}

export function createDeliveryRelay(options: DeliveryRelayOptions): DeliveryRelay {
  const { intervalMs = 1_000, backoff = DEFAULT_BACKOFF, now = Date.now, random = Math.random, post = httpPost, log = () => undefined } = options;
  const pairs = new Map<string, PairState>();
  const figures = new Map<string, OutboxFigures>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const call = async <T>(target: RelayTarget, path: string, body: unknown, schema: ZodType<T>): Promise<T | string> => {
    try {
      const answer = await post(target, path, body);
      if (answer.status !== 200) return `HTTP ${answer.status}`;
      const parsed = schema.safeParse(answer.body);
      return parsed.success ? parsed.data : 'an answer outside the relay protocol';
    } catch (error) {
      return error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? error.name}` : 'unreachable';
    }
  };

  const failed = (pair: string, reason: string) => {
    const state = pairs.get(pair) ?? { failures: 0, retryAt: 0 };
    state.failures += 1;
    const delay = deliveryBackoff(state.failures, backoff, random);
    state.retryAt = now() + delay;
    pairs.set(pair, state);
    log({ level: 'warn', msg: 'cooperation delivery postponed', pair, reason, failures: state.failures, retryInMs: delay });
  };

  const deliverPair = async (sender: RelayTarget, recipient: RelayTarget | undefined, messages: readonly RelayMessage[]) => {
    const pair = `${sender.code}->${messages[0]!.recipient}`;
    if ((pairs.get(pair)?.retryAt ?? 0) > now()) return;
    if (recipient === undefined) return failed(pair, 'recipient not in the registry');
    const confirmed: string[] = [];
    for (const message of messages) {
      const answer = await call(recipient, RELAY_ROUTES.inbox, { message }, inboxAnswerSchema);
      if (typeof answer === 'string') {
        failed(pair, answer);
        break;
      }
      if (answer.status === 'out-of-order') {
        failed(pair, `out of order: the recipient expects ${answer.expected}, this is ${message.sequence}`);
        break;
      }
      confirmed.push(message.messageId);
    }
    if (confirmed.length === 0) return;
    const marked = await call(sender, RELAY_ROUTES.delivered, { messageIds: confirmed }, markDeliveredAnswerSchema);
    // Unconfirmed at the sender: delivered again next pass, which the inbox answers as a duplicate.
    if (typeof marked === 'string') return failed(pair, `marking delivered: ${marked}`);
    if (confirmed.length === messages.length) pairs.delete(pair);
  };

  const relayFrom = async (sender: RelayTarget, byCode: ReadonlyMap<string, RelayTarget>) => {
    const outbox = await call(sender, RELAY_ROUTES.outbox, { limit: MAX_OUTBOX_PULL }, outboxPullAnswerSchema);
    if (typeof outbox === 'string') return; // the sender is down: its figures stay as last seen
    figures.set(sender.code, { pendingCount: outbox.pendingCount, oldestPendingAt: outbox.oldestPendingAt });
    const byRecipient = new Map<string, RelayMessage[]>();
    for (const message of outbox.messages) {
      if (message.sender !== sender.code) continue; // never carry a message a bureau claims for another sender
      const list = byRecipient.get(message.recipient) ?? [];
      list.push(message);
      byRecipient.set(message.recipient, list);
    }
    for (const list of byRecipient.values()) list.sort((a, b) => a.sequence - b.sequence);
    await Promise.all([...byRecipient].map(([code, list]) => deliverPair(sender, byCode.get(code), list)));
  };

  const runOnce = async () => {
    const targets = options.targets();
    const byCode = new Map(targets.map((t) => [t.code, t]));
    for (const code of figures.keys()) if (!byCode.has(code)) figures.delete(code);
    await Promise.all(targets.map((sender) => relayFrom(sender, byCode).catch((error: unknown) =>
      log({ level: 'error', msg: 'cooperation relay', sender: sender.code, detail: String(error) }))));
  };

  const loop = () => {
    if (stopped) return;
    running = runOnce().finally(() => {
      running = null;
      if (!stopped) timer = setTimeout(loop, intervalMs);
    });
  };

  return {
    runOnce,
    start() {
      if (timer === null && running === null) loop();
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await running;
    },
    outboxFigures: () => figures,
  };
}

/** POSTs one relay request to a bureau's relay route, bounded by the bureau's timeout. */
async function httpPost(target: RelayTarget, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await request(new URL(path, target.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...target.headers() },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(target.timeoutMs),
    headersTimeout: target.timeoutMs,
    bodyTimeout: target.timeoutMs,
  });
  const text = await res.body.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left null: not the protocol's answer
  }
  return { status: res.statusCode, body: parsed };
}
