/**
 * The cooperation relay (README.md "Cooperation / 协同"): bureaus never call
 * each other, so the gateway carries their messages. Each pass, for every enabled bureau: pull its
 * outbox, deliver each recipient's pending messages to its inbox in the pair's order — up to
 * BATCH_MESSAGES in one request (/cooperation/inbox/batch; one at a time to a bureau without that
 * route) — and once the recipient confirms (accepted, or a duplicate it already holds), mark them
 * delivered at the sender. A pair that fails (recipient down, out of order, refused) stops there for
 * this pass and waits an exponential backoff; the sender's other pairs go on. A pass that left an
 * outbox with more pending than one pull returns is followed by the next at once, not after
 * `intervalMs`: a recipient back from an outage catches up at the speed of its inbox.
 *
 * Every request goes through the registry's transport to the bureau (its client, deadline and the
 * abort-on-deadline of settleByDeadline), signed by the gateway for that bureau as the gateway
 * itself (schema/cooperation/relayMessages.ts has the protocol); see CityLink.relay for why the relay
 * respects a bureau's open circuit but never opens or closes it.
 *
 * Any number of relays (gateway replicas) may run: the inbox applies a message once and only as the
 * next of its pair, and marking delivered is idempotent, so two relays at worst send a duplicate.
 * The relay keeps no state that matters: backoff timers and the last outbox figures (for /metrics).
 * A backoff ends early when the registry sees the pair's bureau up again (`watchBureauStatus`).
 */
import type { ZodType } from 'zod';
import {
  inboxAnswerSchema, inboxBatchAnswerSchema, markDeliveredAnswerSchema, MAX_INBOX_BATCH, MAX_OUTBOX_PULL, outboxPullAnswerSchema, RELAY_ROUTES,
  type InboxAnswer, type RelayMessage,
} from '../../schema/cooperation/relayMessages.ts';
import type { PostOutcome } from '../transport/createSubgraphClient.ts';
import { DEFAULT_BACKOFF, deliveryBackoff, type BackoffPolicy } from './deliveryBackoff.ts';

/**
 * Messages per inbox request (the protocol allows MAX_INBOX_BATCH): the inbox applies each in its
 * own transaction, so a batch takes as long as that many writes, and must stay well inside the
 * bureau's deadline on a slow store; 50 already saves 49 round trips of 50.
 */
const BATCH_MESSAGES = Math.min(50, MAX_INBOX_BATCH);
/**
 * A batch's JSON stays below this, well under the 1 MiB a bureau's edge accepts
 * (schema/http/serveApollo.ts): 50 bulletins of 4000 Chinese characters would be 600 kB.
 */
const MAX_BATCH_BYTES = 256 * 1024;

/** One bureau as the relay reaches it (CityRegistry.relayTargets; an in-process twin in tests). */
export interface RelayTarget {
  readonly code: string;
  /**
   * POSTs `body` as JSON to one of the bureau's relay routes, signed for it as the gateway, within
   * its deadline; `signal` aborts it when the relay stops. Settles, never rejects.
   */
  post(path: string, body: unknown, signal: AbortSignal): Promise<PostOutcome>;
}

export interface DeliveryRelayOptions {
  readonly targets: () => readonly RelayTarget[];
  /** Pause between passes. @default 1000 ms */
  readonly intervalMs?: number;
  readonly backoff?: BackoffPolicy;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default Math.random */
  readonly random?: () => number;
  readonly log?: (event: Record<string, unknown>) => void;
  /**
   * The registry's bureau state changes (CityRegistry.watchCityStatus); returns the unsubscribe,
   * called by stop(). A bureau seen `up` again ends the backoff of every pair it is in, so a pair
   * that waited out a long outage is retried on the next pass instead of up to `backoff.maxMs` later.
   * @default none: a pair waits its backoff out
   */
  readonly watchBureauStatus?: (listener: (change: { readonly code: string; readonly status: string }) => void) => () => void;
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
  const { intervalMs = 1_000, backoff = DEFAULT_BACKOFF, now = Date.now, random = Math.random, log = () => undefined } = options;
  const pairs = new Map<string, PairState>();
  const figures = new Map<string, OutboxFigures>();
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const unwatch = options.watchBureauStatus?.((change) => {
    if (change.status !== 'up') return;
    for (const pair of pairs.keys()) {
      const [sender, recipient] = pair.split('->');
      if (sender === change.code || recipient === change.code) pairs.delete(pair);
    }
  });

  /** The route's answer in the protocol's shape, or why there is none (`status`: the HTTP status of a refusal). */
  const call = async <T>(target: RelayTarget, path: string, body: unknown, schema: ZodType<T>): Promise<T | { failed: string; status?: number }> => {
    let outcome: PostOutcome;
    try {
      outcome = await target.post(path, body, stopping.signal);
    } catch (error) { // a target breaking its promise to settle (a test's twin) is a failed call all the same
      return { failed: error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? error.name}` : 'unreachable' };
    }
    if (outcome.kind === 'failed') return { failed: outcome.message };
    if (outcome.status !== undefined && outcome.status !== 200) return { failed: `HTTP ${outcome.status}`, status: outcome.status };
    const parsed = schema.safeParse(outcome.body);
    return parsed.success ? parsed.data : { failed: 'an answer outside the relay protocol' };
  };
  const isFailure = (answer: unknown): answer is { failed: string; status?: number } =>
    typeof answer === 'object' && answer !== null && 'failed' in answer;

  const failed = (pair: string, reason: string) => {
    const state = pairs.get(pair) ?? { failures: 0, retryAt: 0 };
    state.failures += 1;
    const delay = deliveryBackoff(state.failures, backoff, random);
    state.retryAt = now() + delay;
    pairs.set(pair, state);
    log({ level: 'warn', msg: 'cooperation delivery postponed', pair, reason, failures: state.failures, retryInMs: delay });
  };

  /**
   * The inbox's answers to `messages`, in order (fewer when it stopped at an out-of-order one), or
   * why there are none. One request per batch; one per message to a bureau without the batch route
   * (404), or when the batch is refused as too large (413).
   */
  const deliver = async (recipient: RelayTarget, messages: readonly RelayMessage[]): Promise<InboxAnswer[] | string> => {
    if (messages.length > 1) {
      const batch = await call(recipient, RELAY_ROUTES.inboxBatch, { messages }, inboxBatchAnswerSchema);
      if (!isFailure(batch)) return batch.answers;
      if (batch.status !== 404 && batch.status !== 413) return batch.failed;
    }
    const answers: InboxAnswer[] = [];
    for (const message of messages) {
      const answer = await call(recipient, RELAY_ROUTES.inbox, { message }, inboxAnswerSchema);
      if (isFailure(answer)) return answers.length > 0 ? answers : answer.failed;
      answers.push(answer);
      if (answer.status === 'out-of-order') break;
    }
    return answers;
  };

  /** Delivers one pair's pulled messages; true when some were delivered and marked. */
  const deliverPair = async (sender: RelayTarget, recipient: RelayTarget | undefined, messages: readonly RelayMessage[]): Promise<boolean> => {
    const pair = `${sender.code}->${messages[0]!.recipient}`;
    if ((pairs.get(pair)?.retryAt ?? 0) > now()) return false;
    if (recipient === undefined) {
      failed(pair, 'recipient not in the registry');
      return false;
    }
    const confirmed: string[] = [];
    let problem: string | null = null;
    for (const batch of batches(messages)) {
      const answers = await deliver(recipient, batch);
      if (typeof answers === 'string') {
        problem = answers;
        break;
      }
      for (const [i, answer] of answers.entries()) {
        if (answer.status === 'out-of-order') {
          problem = `out of order: the recipient expects ${answer.expected}, this is ${batch[i]!.sequence}`;
          break;
        }
        confirmed.push(batch[i]!.messageId);
      }
      if (problem === null && answers.length < batch.length) problem = 'the inbox answered only part of a batch';
      if (problem !== null) break;
    }
    if (problem !== null) failed(pair, problem);
    if (confirmed.length === 0) return false;
    const marked = await call(sender, RELAY_ROUTES.delivered, { messageIds: confirmed }, markDeliveredAnswerSchema);
    if (isFailure(marked)) {
      // Unconfirmed at the sender: delivered again next pass, which the inbox answers as a duplicate.
      failed(pair, `marking delivered: ${marked.failed}`);
      return false;
    }
    if (problem === null) pairs.delete(pair);
    return true;
  };

  /**
   * Relays what `sender`'s outbox holds; true when it holds more than one pull returned and this
   * pull moved some of it (a pull full of a waiting pair's messages does not call for another).
   */
  const relayFrom = async (sender: RelayTarget, byCode: ReadonlyMap<string, RelayTarget>): Promise<boolean> => {
    const outbox = await call(sender, RELAY_ROUTES.outbox, { limit: MAX_OUTBOX_PULL }, outboxPullAnswerSchema);
    if (isFailure(outbox)) return false; // the sender is down: its figures stay as last seen
    figures.set(sender.code, { pendingCount: outbox.pendingCount, oldestPendingAt: outbox.oldestPendingAt });
    const byRecipient = new Map<string, RelayMessage[]>();
    for (const message of outbox.messages) {
      if (message.sender !== sender.code) continue; // never carry a message a bureau claims for another sender
      const list = byRecipient.get(message.recipient) ?? [];
      list.push(message);
      byRecipient.set(message.recipient, list);
    }
    for (const list of byRecipient.values()) list.sort((a, b) => a.sequence - b.sequence);
    const moved = await Promise.all([...byRecipient].map(([code, list]) => deliverPair(sender, byCode.get(code), list)));
    return outbox.pendingCount > outbox.messages.length && moved.some(Boolean);
  };

  /** One pass; true when some outbox has more to move right away. */
  const pass = async (): Promise<boolean> => {
    const targets = options.targets();
    const byCode = new Map(targets.map((t) => [t.code, t]));
    for (const code of figures.keys()) if (!byCode.has(code)) figures.delete(code);
    const more = await Promise.all(targets.map((sender) => relayFrom(sender, byCode).catch((error: unknown) => {
      log({ level: 'error', msg: 'cooperation relay', sender: sender.code, detail: String(error) });
      return false;
    })));
    return more.some(Boolean);
  };

  const loop = () => {
    if (stopping.signal.aborted) return;
    running = pass().then((more) => {
      running = null;
      if (!stopping.signal.aborted) timer = setTimeout(loop, more ? 0 : intervalMs);
    }, () => {
      running = null;
    });
  };

  return {
    runOnce: async () => void (await pass()),
    start() {
      if (timer === null && running === null) loop();
    },
    async stop() {
      unwatch?.();
      stopping.abort();
      if (timer !== null) clearTimeout(timer);
      await running;
    },
    outboxFigures: () => figures,
  };
}

/** Consecutive runs of `messages` of at most BATCH_MESSAGES messages and MAX_BATCH_BYTES of JSON. */
function batches(messages: readonly RelayMessage[]): RelayMessage[][] {
  const out: RelayMessage[][] = [];
  let current: RelayMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = Buffer.byteLength(JSON.stringify(message));
    if (current.length > 0 && (current.length >= BATCH_MESSAGES || bytes + size > MAX_BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
