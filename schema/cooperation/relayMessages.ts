/**
 * The delivery protocol between bureaus, as the gateway's relay (gateway/cooperation/) and every
 * bureau's edge (subgraphs/kit/cooperation/relayRoutes.ts) speak it. Bureaus never call each other:
 * the relay pulls a sender's outbox, delivers each message to the recipient's inbox, then marks it
 * delivered at the sender, every request signed by the gateway (role `gateway`, aud = that bureau).
 *
 * Exactly once and in order, with any number of relays: a message carries its sender's sequence
 * number for its recipient (1, 2, 3… per sender → recipient pair, no gaps). The inbox applies a
 * message only when its sequence is the next one it expects from that sender, answers `duplicate`
 * for one it already applied (by message id, or a sequence already passed), and `out-of-order`
 * with the sequence it expects otherwise; nothing is applied twice and nothing overtakes.
 */
import { z } from 'zod';

const cityCode = z.string().regex(/^\d{6}$/);
const actor = z.strictObject({ sub: z.string().min(1).max(256), bureau: cityCode });

export const relayMessageBodySchema = z.discriminatedUnion('kind', [
  /** An incident notice for the recipient's inbox. */
  z.strictObject({
    kind: z.literal('incident-notice'),
    /** The sender's own notice (global id): what the recipient acknowledges back. */
    noticeId: z.string().min(1).max(160),
    incidentId: z.string().min(1).max(160),
    incidentTitle: z.string().max(200),
  }),
  /** The recipient acknowledged the sender's notice `noticeId`. */
  z.strictObject({
    kind: z.literal('notice-acknowledged'),
    noticeId: z.string().min(1).max(160),
    acknowledgedAt: z.number().int(),
    by: actor,
  }),
  /** A bulletin for the recipient's inbox. */
  z.strictObject({
    kind: z.literal('bulletin'),
    /** The sender's bulletin (global id): what the read receipt names. */
    bulletinId: z.string().min(1).max(160),
    category: z.enum(['WARNING', 'MONITORING', 'RESPONSE', 'NOTICE', 'OTHER']),
    title: z.string().max(200),
    body: z.string().max(4000),
    incidentId: z.string().min(1).max(160).nullable(),
    sentAt: z.number().int(),
  }),
  /** The recipient read the sender's bulletin `bulletinId`. */
  z.strictObject({
    kind: z.literal('bulletin-read'),
    bulletinId: z.string().min(1).max(160),
    readAt: z.number().int(),
    by: actor,
  }),
  /** A resource request for the responder's inbox. */
  z.strictObject({
    kind: z.literal('resource-request'),
    /** The requester's request (global id): what the state changes name. */
    requestId: z.string().min(1).max(160),
    items: z.array(z.strictObject({ resourceId: z.string().min(1).max(160), quantity: z.number().int().min(1) })).min(1).max(20),
    incidentId: z.string().min(1).max(160).nullable(),
    note: z.string().max(4000),
    sentAt: z.number().int(),
  }),
  /** The responder changed the state of the requester's request `requestId`. */
  z.strictObject({
    kind: z.literal('resource-request-state'),
    requestId: z.string().min(1).max(160),
    state: z.enum(['ACCEPTED', 'DECLINED', 'DISPATCHED', 'RETURNED']),
    reason: z.string().max(4000).nullable(),
    at: z.number().int(),
    by: actor,
  }),
  /** An action item of a joint meeting for the assigned bureau's inbox. */
  z.strictObject({
    kind: z.literal('action-item'),
    /** The convener's action item (global id): what the status changes name. */
    actionItemId: z.string().min(1).max(160),
    meetingId: z.string().min(1).max(160),
    meetingTitle: z.string().max(200),
    description: z.string().max(2000),
    dueAt: z.number().int(),
    sentAt: z.number().int(),
  }),
  /** The assigned bureau changed the status of the convener's action item `actionItemId`. */
  z.strictObject({
    kind: z.literal('action-item-status'),
    actionItemId: z.string().min(1).max(160),
    status: z.enum(['IN_PROGRESS', 'DONE']),
    note: z.string().max(4000).nullable(),
    at: z.number().int(),
    by: actor,
  }),
  /** A joint patrol proposal for a partner's inbox. */
  z.strictObject({
    kind: z.literal('patrol-proposal'),
    /** The proposer's proposal (global id): what the answer names. */
    proposalId: z.string().min(1).max(160),
    name: z.string().max(200),
    mode: z.enum(['JOINT', 'CROSS', 'ASSISTANCE']),
    riverId: z.string().min(1).max(160),
    reach: z.string().max(200),
    plannedStartAt: z.number().int(),
    note: z.string().max(4000),
    sentAt: z.number().int(),
  }),
  /** The partner answered the proposer's proposal `proposalId`. */
  z.strictObject({
    kind: z.literal('patrol-response'),
    proposalId: z.string().min(1).max(160),
    state: z.enum(['CONFIRMED', 'DECLINED']),
    participants: z.number().int().min(0).nullable(),
    note: z.string().max(4000).nullable(),
    at: z.number().int(),
    by: actor,
  }),
  /**
   * The proposer's JointPatrol made from its proposal `proposalId`, for a confirmed partner's copy: sent when the
   * patrol is made and again with its outcome; each message carries the whole record and replaces the copy.
   */
  z.strictObject({
    kind: z.literal('joint-patrol'),
    proposalId: z.string().min(1).max(160),
    patrolId: z.string().min(1).max(160),
    startedAt: z.number().int(),
    endedAt: z.number().int().nullable(),
    participantsByBureau: z.array(z.strictObject({ cityCode, participants: z.number().int().min(0) })).min(1).max(11),
    findings: z.array(z.string().max(2000)).max(50),
    route: z.array(z.strictObject({ longitude: z.number().min(-180).max(180), latitude: z.number().min(-90).max(90) })).max(500),
    at: z.number().int(),
    by: actor,
  }),
  /** A joint enforcement case proposal for a partner's inbox. */
  z.strictObject({
    kind: z.literal('case-proposal'),
    /** The proposer's proposal (global id): what the answer names. */
    proposalId: z.string().min(1).max(160),
    title: z.string().max(200),
    creditCode: z.string().length(18),
    mode: z.enum(['JOINT', 'CROSS', 'ASSISTANCE']),
    proposedFor: z.number().int(),
    note: z.string().max(4000),
    sentAt: z.number().int(),
  }),
  /** The partner answered the proposer's joint case proposal `proposalId`. */
  z.strictObject({
    kind: z.literal('case-response'),
    proposalId: z.string().min(1).max(160),
    state: z.enum(['CONFIRMED', 'DECLINED']),
    note: z.string().max(4000).nullable(),
    at: z.number().int(),
    by: actor,
  }),
  /** The proposer linked its case `caseId` to its proposal `proposalId`. */
  z.strictObject({
    kind: z.literal('case-linked'),
    proposalId: z.string().min(1).max(160),
    caseId: z.string().min(1).max(160),
    at: z.number().int(),
    by: actor,
  }),
]);

export const relayMessageSchema = z.strictObject({
  messageId: z.string().min(1).max(64),
  sender: cityCode,
  recipient: cityCode,
  /** 1, 2, 3… per sender → recipient pair. */
  sequence: z.number().int().min(1),
  /** Epoch ms when the sender wrote it. */
  createdAt: z.number().int(),
  body: relayMessageBodySchema,
});

export type RelayMessage = z.infer<typeof relayMessageSchema>;
export type RelayMessageBody = z.infer<typeof relayMessageBodySchema>;

/** Most messages one outbox pull returns. */
export const MAX_OUTBOX_PULL = 200;
/**
 * Most messages of one recipient one outbox pull returns: a pull shares its limit among the
 * recipients (the first pending of each before the second of any) and gives none more than this,
 * so a recipient with thousands waiting (down for hours) never starves the sender's other pairs.
 * Two relay batches (50 each): a backlog still drains 100 per pull.
 */
export const OUTBOX_PULL_PER_RECIPIENT = 100;

/**
 * POST /cooperation/outbox: the sender's pending messages, per recipient in sequence order, at most
 * `limit` and OUTBOX_PULL_PER_RECIPIENT of each recipient.
 */
export const outboxPullRequestSchema = z.strictObject({ limit: z.number().int().min(1).max(MAX_OUTBOX_PULL) });
export const outboxPullAnswerSchema = z.strictObject({
  messages: z.array(relayMessageSchema),
  /** Every undelivered message of this outbox, and the creation time of the oldest (null when none). */
  pendingCount: z.number().int().min(0),
  oldestPendingAt: z.number().int().nullable(),
});

/** POST /cooperation/inbox: one message for this bureau. */
export const inboxDeliverRequestSchema = z.strictObject({ message: relayMessageSchema });
export const inboxAnswerSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('accepted') }),
  z.strictObject({ status: z.literal('duplicate') }),
  z.strictObject({ status: z.literal('out-of-order'), expected: z.number().int().min(1) }),
]);

/**
 * POST /cooperation/inbox/batch: consecutive messages of ONE sender for this bureau, in sequence
 * order, applied one after another exactly as /cooperation/inbox applies each (its own transaction,
 * the same answers). The answers are in the messages' order and stop after the first `out-of-order`
 * (nothing after it is tried): the relay's round trip per message, not the inbox's rules, is what
 * this saves. A bureau without the route answers 404 and the relay sends one message at a time.
 */
export const MAX_INBOX_BATCH = MAX_OUTBOX_PULL;
export const inboxBatchRequestSchema = z.strictObject({ messages: z.array(relayMessageSchema).min(1).max(MAX_INBOX_BATCH) });
export const inboxBatchAnswerSchema = z.strictObject({ answers: z.array(inboxAnswerSchema).max(MAX_INBOX_BATCH) });

/** POST /cooperation/delivered: the recipient confirmed these messages of this sender. */
export const markDeliveredRequestSchema = z.strictObject({ messageIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_OUTBOX_PULL) });
export const markDeliveredAnswerSchema = z.strictObject({ marked: z.number().int().min(0) });

export type OutboxPullAnswer = z.infer<typeof outboxPullAnswerSchema>;
export type InboxAnswer = z.infer<typeof inboxAnswerSchema>;
export type InboxBatchAnswer = z.infer<typeof inboxBatchAnswerSchema>;

/** The signed routes on every bureau's edge (never part of the GraphQL schema). */
export const RELAY_ROUTES = Object.freeze({
  outbox: '/cooperation/outbox',
  inbox: '/cooperation/inbox',
  inboxBatch: '/cooperation/inbox/batch',
  delivered: '/cooperation/delivered',
});
