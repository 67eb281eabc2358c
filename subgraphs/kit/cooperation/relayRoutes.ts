/**
 * The bureau's side of the delivery protocol (schema/cooperation/relayMessages.ts): three signed
 * POST routes on its HTTP edge, beside /graphql and never part of the contract. Only the gateway's
 * own identity (role `gateway`, in a token signed for this bureau) may call them: its relay pulls
 * this outbox, delivers into this inbox, and confirms deliveries. Bodies are validated with the
 * protocol's zod schemas; a bad one is 400, a refused caller 403.
 */
import {
  inboxBatchRequestSchema, inboxDeliverRequestSchema, markDeliveredRequestSchema, OUTBOX_PULL_PER_RECIPIENT, outboxPullRequestSchema, RELAY_ROUTES,
  type InboxAnswer,
} from '../../../schema/cooperation/relayMessages.ts';
import type { RouteAnswer, SignedRoute } from '../../../schema/http/serveApollo.ts';
import type { VerifiedGatewayRequest } from '../admission/authorizeGatewayRequest.ts';
import type { CooperationStore } from './CooperationStore.ts';

type Route = SignedRoute<VerifiedGatewayRequest>;

export function relayRoutes(cityCode: string, store: CooperationStore, now: () => number = Date.now): Record<string, Route> {
  const guard = (handle: (body: unknown) => Promise<RouteAnswer>): Route => async (identity, body) => {
    if (identity.caller.role !== 'gateway') return { status: 403, body: { error: 'only the gateway relay may use this route' } };
    return handle(body);
  };
  const bad = (message: string): RouteAnswer => ({ status: 400, body: { error: message } });
  return {
    [RELAY_ROUTES.outbox]: guard(async (body) => {
      const parsed = outboxPullRequestSchema.safeParse(body);
      if (!parsed.success) return bad('expected { limit }');
      return { status: 200, body: await store.pendingOutbox(parsed.data.limit, OUTBOX_PULL_PER_RECIPIENT) };
    }),
    [RELAY_ROUTES.inbox]: guard(async (body) => {
      const parsed = inboxDeliverRequestSchema.safeParse(body);
      if (!parsed.success) return bad('expected { message } of the relay protocol');
      if (parsed.data.message.recipient !== cityCode) return bad(`message is for ${parsed.data.message.recipient}, not ${cityCode}`);
      return { status: 200, body: await store.receive(parsed.data.message, now()) };
    }),
    [RELAY_ROUTES.inboxBatch]: guard(async (body) => {
      const parsed = inboxBatchRequestSchema.safeParse(body);
      if (!parsed.success) return bad('expected { messages } of the relay protocol');
      const { messages } = parsed.data;
      const stranger = messages.find((m) => m.recipient !== cityCode);
      if (stranger) return bad(`message ${stranger.messageId} is for ${stranger.recipient}, not ${cityCode}`);
      if (messages.some((m, i) => m.sender !== messages[0]!.sender || (i > 0 && m.sequence <= messages[i - 1]!.sequence))) {
        return bad('a batch holds one sender\'s messages in ascending sequence order');
      }
      // One after another, each as /cooperation/inbox applies it; after an out-of-order one, the rest
      // would be out of order too.
      const answers: InboxAnswer[] = [];
      for (const message of messages) {
        const answer = await store.receive(message, now());
        answers.push(answer);
        if (answer.status === 'out-of-order') break;
      }
      return { status: 200, body: { answers } };
    }),
    [RELAY_ROUTES.delivered]: guard(async (body) => {
      const parsed = markDeliveredRequestSchema.safeParse(body);
      if (!parsed.success) return bad('expected { messageIds }');
      return { status: 200, body: { marked: await store.markDelivered(parsed.data.messageIds, now()) } };
    }),
  };
}
