/**
 * What the transports (graphql-sse, graphql-ws) call instead of graphql-js `subscribe`: subscribers
 * whose subscriptions would see exactly the same results share one. Subscriptions with the same
 * document text, operation, variables and access profile (role, bureau, scopes, jurisdiction:
 * accessProfileKey.ts — what every filter and every row rule is decided from) that start "from now"
 * join one source stream: each event is filtered, resolved through the graph and executed over the
 * selection once, and the same result object (the same bytes, once serialized: serializedLiveResult.ts)
 * goes to every member. A thousand dashboards on one document then cost one execution per event, not
 * a thousand. A subscription that resumes (`since` in the document, or SSE `Last-Event-ID`) starts at
 * its own position and never shares.
 *
 * Each member keeps what is its own: its place in its caller's quota (TOO_MANY_SUBSCRIPTIONS), its
 * token's expiry (UNAUTHENTICATED, `reason` expired), and its backlog (SUBSCRIBER_TOO_SLOW when more
 * results wait for it than `maxBacklog`): a slow or expired member ends alone. The shared stream is
 * pulled when a member waits for its next result, so the fastest member sets the pace and nothing is
 * resolved ahead of every client; it closes when its last member leaves.
 *
 * The shared stream runs under its first member's context (the caller's identity, with no expiry of
 * its own): every member has the same access profile, so every answer is the same. Results carry the
 * id of the event they answer (liveEventIdOf: the SSE `id:` line).
 */
import {
  Kind, execute, getOperationAST, subscribe,
  type ExecutionArgs, type GraphQLError, type ExecutionResult, type FieldNode, type SelectionSetNode,
} from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import { accessProfileKey } from '../bureau-tokens/accessProfileKey.ts';
import type { LiveContext } from './LiveContext.ts';
import type { SubscriptionQuota } from './SubscriptionQuota.ts';

export type LiveSubscribe = (args: ExecutionArgs) => Promise<AsyncGenerator<ExecutionResult, undefined> | ExecutionResult>;

/** How many subscriptions are open, and how many source streams serve them (for /metrics). */
export interface FanoutFigures {
  readonly subscriptions: number;
  readonly streams: number;
}

export interface SubscriptionFanout {
  readonly subscribe: LiveSubscribe;
  figures(): FanoutFigures;
}

export interface SubscriptionFanoutOptions {
  readonly quota: SubscriptionQuota;
  /** Results held for one member before it is cut off with SUBSCRIBER_TOO_SLOW. @default 10000 */
  readonly maxBacklog?: number;
  readonly now?: () => number;
}

const DEFAULT_MAX_BACKLOG = 10_000;
/** Longest single timer Node accepts (about 24.8 days); a later expiry is re-armed from there. */
const MAX_TIMER_MS = 2_147_483_647;

const eventIds = new WeakMap<ExecutionResult, string>();

/** The id of the bureau event a result answers (absent for results that answer none, e.g. a refusal). */
export function liveEventIdOf(result: ExecutionResult): string | undefined {
  return eventIds.get(result);
}

export function createSubscriptionFanout(options: SubscriptionFanoutOptions): SubscriptionFanout {
  const maxBacklog = options.maxBacklog ?? DEFAULT_MAX_BACKLOG;
  const now = options.now ?? Date.now;
  const shared = new Map<string, SharedStream>();
  let streams = 0;
  let subscriptions = 0;

  const subscribe: LiveSubscribe = async (args) => {
    const context = args.contextValue as LiveContext;
    const place = options.quota.acquire(context.caller, context.clientAddress);
    if (place === null) {
      return { errors: [ERRORS.TOO_MANY_SUBSCRIPTIONS.err(
        `At most ${options.quota.max} subscriptions may be open at once per caller; close one first.`,
        { extensions: { max: options.quota.max } },
      )] };
    }
    const key = shareKey(args, context);
    let stream = key === null ? undefined : shared.get(key);
    if (!stream) {
      const opened = await openShared(args, context, () => {
        streams -= 1;
        if (key !== null && shared.get(key) === opened) shared.delete(key);
      });
      if (!(opened instanceof SharedStream)) {
        place(); // a refusal holds no place
        return opened;
      }
      streams += 1;
      if (key !== null) shared.set(key, opened);
      stream = opened;
    }
    subscriptions += 1;
    const release = () => {
      subscriptions -= 1;
      place();
    };
    return new Member(stream, args, { release, maxBacklog, now, expiresAt: context.expiresAt });
  };
  return { subscribe, figures: () => ({ subscriptions, streams }) };
}

/** Subscribes once for a new shared stream: the stream, or graphql-js's refusal (bad arguments, a source that failed to open). */
async function openShared(args: ExecutionArgs, context: LiveContext, onEnd: () => void): Promise<SharedStream | ExecutionResult> {
  let stream: SharedStream | null = null;
  const sharedContext: LiveContext = { ...context, expiresAt: null, announce: (id) => stream?.announce(id) };
  const source = await subscribe({ ...args, contextValue: sharedContext });
  if (!(Symbol.asyncIterator in source)) return source;
  stream = new SharedStream(source, onEnd);
  return stream;
}

/** Null when the subscription resumes from a position of its own, or cannot be told apart from another. */
function shareKey(args: ExecutionArgs, context: LiveContext): string | null {
  const text = args.document.loc?.source.body;
  if (context.lastEventId !== null || text === undefined) return null;
  if (rootFields(args).some((field) => field.arguments?.some((argument) => argument.name.value === 'since'))) return null;
  return JSON.stringify([accessProfileKey(context.caller), args.operationName ?? null, args.variableValues ?? {}, text]);
}

/** The operation's root fields, through fragments (a subscription has one: the spec's "Single root field" rule). */
function rootFields(args: ExecutionArgs): FieldNode[] {
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of args.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
  }
  const fields: FieldNode[] = [];
  const collect = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else collect(selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value));
    }
  };
  collect(getOperationAST(args.document, args.operationName)?.selectionSet);
  return fields;
}

class SharedStream {
  readonly #members = new Set<Member>();
  #announced: string | null = null;
  #pulling = false;
  #ended = false;

  constructor(
    private readonly source: AsyncIterator<ExecutionResult>,
    private readonly onEnd: () => void,
  ) {}

  join(member: Member): void {
    this.#members.add(member);
  }

  announce(id: string): void {
    this.#announced = id;
  }

  /** A member waits for its next result: pull one from the source unless a pull is under way. */
  demand(): void {
    if (this.#pulling || this.#ended) return;
    this.#pulling = true;
    void this.#pull();
  }

  leave(member: Member): void {
    if (!this.#members.delete(member) || this.#members.size > 0 || this.#ended) return;
    this.#ended = true;
    this.onEnd();
    void this.source.return?.().catch(() => undefined);
  }

  async #pull(): Promise<void> {
    let step: IteratorResult<ExecutionResult>;
    try {
      step = await this.source.next();
    } catch {
      step = { done: true, value: undefined }; // graphql-js turns resolver errors into results; nothing else is expected here
    }
    this.#pulling = false;
    if (step.done) {
      if (this.#ended) return;
      this.#ended = true;
      this.onEnd();
      for (const member of this.#members) member.sourceEnded();
      return;
    }
    if (this.#announced !== null) eventIds.set(step.value, this.#announced);
    this.#announced = null;
    // A member that falls behind leaves the set while it is walked: a Set's iteration allows that.
    for (const member of this.#members) member.offer(step.value);
  }
}

interface MemberOptions {
  readonly release: () => void;
  readonly maxBacklog: number;
  readonly now: () => number;
  readonly expiresAt: number | null;
}

/**
 * One subscriber's view of a shared stream: the async generator its transport reads (graphql-sse
 * ends only what has `throw` and `return`, as graphql-js's streams have).
 */
class Member implements AsyncGenerator<ExecutionResult, undefined> {
  readonly #queue: ExecutionResult[] = [];
  #terminal: GraphQLError | null = null;
  #sourceDone = false;
  #finished = false;
  #wake: (() => void) | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly stream: SharedStream,
    private readonly args: ExecutionArgs,
    private readonly options: MemberOptions,
  ) {
    stream.join(this);
    this.#armExpiry();
  }

  offer(result: ExecutionResult): void {
    if (this.#terminal !== null || this.#finished) return;
    if (this.#queue.length >= this.options.maxBacklog) {
      return this.#fail(ERRORS.SUBSCRIBER_TOO_SLOW.err(
        `More than ${this.options.maxBacklog} events waited for this subscription; it ended. Subscribe again with since = the id of the last event received.`,
        { extensions: { max: this.options.maxBacklog } },
      ));
    }
    this.#queue.push(result);
    this.#signal();
  }

  sourceEnded(): void {
    this.#sourceDone = true;
    this.#signal();
  }

  async next(): Promise<IteratorResult<ExecutionResult, undefined>> {
    for (;;) {
      if (this.#finished) return { done: true, value: undefined };
      if (this.#terminal !== null) {
        const result = await this.#failure(this.#terminal);
        this.#finish();
        return { done: false, value: result };
      }
      const result = this.#queue.shift();
      if (result !== undefined) return { done: false, value: result };
      if (this.#sourceDone) {
        this.#finish();
        return { done: true, value: undefined };
      }
      const woken = new Promise<void>((resolve) => (this.#wake = resolve));
      this.stream.demand();
      await woken;
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult, undefined>> {
    this.#finish();
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult, undefined>> {
    this.#finish();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #signal(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  /** Ends this member only: what waited for it is dropped, the error is its last result. */
  #fail(error: GraphQLError): void {
    if (this.#terminal !== null || this.#finished) return;
    this.#terminal = error;
    this.#queue.length = 0;
    this.stream.leave(this);
    this.#signal();
  }

  /** The subscriber's own selection over a payload whose root field is the error (as graphql-js maps a source event). */
  async #failure(error: GraphQLError): Promise<ExecutionResult> {
    const name = rootFields(this.args)[0]?.name.value;
    return name === undefined ? { errors: [error] } : execute({ ...this.args, rootValue: { [name]: () => error } });
  }

  #armExpiry(): void {
    const { expiresAt } = this.options;
    if (expiresAt === null) return;
    const left = expiresAt - this.options.now();
    if (left <= 0) {
      return this.#fail(ERRORS.UNAUTHENTICATED.err('The bearer token expired; the subscription ended. Subscribe again with a new token (and `since` = the last event id).', {
        extensions: { reason: 'expired' },
      }));
    }
    this.#timer = setTimeout(() => this.#armExpiry(), Math.min(left, MAX_TIMER_MS));
    this.#timer.unref();
  }

  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.stream.leave(this);
    this.options.release();
    this.#signal();
  }
}
