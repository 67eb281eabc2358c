/**
 * The cooperation contract (schema/contract/cooperation.graphql): incidents and their notices, bulletins,
 * resource requests, joint meetings and their action items, joint patrol proposals.
 * Writes: argument checks → the bureau's own check of the caller (mayWriteForBureau) → recipients
 * from the region (asked through the gateway, before the transaction) → one idempotent transaction
 * in the store. Nothing is written when any step refuses.
 */
import { ERRORS, type ErrorCodeDefinition } from '../../../schema/errors.ts';
import type { NodeType } from '../../../schema/globalId.ts';
import type { ShardingPolicy } from '../../../schema/shardingPolicies.ts';
import { gradeIncident } from '../../standards/index.ts';
import type { CityContext } from '../CityContext.ts';
import { mayWriteForBureau } from '../access/mayWriteForBureau.ts';
import type { CooperationContext } from '../cooperation/CooperationContext.ts';
import type {
  ActionItemRecord, JointMeetingRecord, PatrolPartnerRecord, PatrolProposalRecord,
  Actor, AuditRecord, BulletinRecipientRecord, BulletinRecord, IncidentRecord, IncidentStatus, NoticeRecord, NoticeState, ResourceRequestRecord, WriteMeta,
} from '../cooperation/CooperationStore.ts';
import {
  checkBulletinInput, checkIdempotencyKey, checkIncidentInput, checkJointMeetingInput, type RecordJointMeetingArgsInput,
  checkPatrolAnswer, checkPatrolProposalInput, type ProposeJointPatrolArgsInput, checkRequiredText, checkResourceFacts, checkResourceRequestInput, checkText,
  type ReportIncidentArgsInput, type RequestResourcesArgsInput, type SendBulletinArgsInput,
} from '../cooperation/checkCooperationInput.ts';
import { COOPERATION_LIMITS } from '../cooperation/cooperationLimits.ts';
import type { RegionFacts } from '../cooperation/createRegionDirectory.ts';
import { computeFingerprint } from '../cooperation/computeFingerprint.ts';
import { downstreamBureaus } from '../cooperation/downstreamBureaus.ts';
import { ownId } from './arguments.ts';
import { auditView, coop, requireKnownBureaus, requireOwnCopy, writeMeta } from './cooperationWrites.ts';
import { listResolver, type ListArgs } from './listResolver.ts';
import { riverRef } from './references.ts';

const INCIDENTS_WRITE = 'incidents:write';
const NOTICES_ACKNOWLEDGE = 'notices:acknowledge';
const BULLETINS_WRITE = 'bulletins:write';
const BULLETINS_RECEIVE = 'bulletins:receive';
const RESOURCES_REQUEST = 'resources:request';
const RESOURCES_RESPOND = 'resources:respond';
const MEETINGS_WRITE = 'meetings:write';
const MEETINGS_ACT = 'meetings:act';
const PATROLS_PROPOSE = 'patrols:propose';
const PATROLS_CONFIRM = 'patrols:confirm';

interface ReportIncidentArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly input: ReportIncidentArgsInput;
}

async function reportIncident(_: unknown, args: ReportIncidentArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, INCIDENTS_WRITE, args.cityCode, args.idempotencyKey, 'reportIncident', args.input);
  const input = checkIncidentInput(args.input, meta.now);
  const { store, directory } = coop(ctx);
  for (const code of input.extraRecipients) {
    if (code === args.cityCode) {
      throw ERRORS.INVALID_RECIPIENT.err('An incident is never notified to its own reporter.', { extensions: { cityCode: code, reason: 'self' } });
    }
  }
  const region = await directory(input.riverId, ctx.gatewayToken);
  requireKnownBureaus(region, input.extraRecipients);
  if (input.nearestSectionId !== null && !region.sections?.some((s) => s.id === input.nearestSectionId)) {
    throw ERRORS.BAD_USER_INPUT.err(`Section ${input.nearestSectionId} is not on river ${input.riverId}.`, { extensions: { argument: 'input.nearestSectionId' } });
  }
  const downstream = region.sections === null ? [] : downstreamBureaus(args.cityCode, region.sections);
  const recipients = [...new Set([...downstream, ...input.extraRecipients])].filter((c) => c !== args.cityCode).sort();
  const { extraRecipients: _extra, ...incident } = input;
  const result = await store.reportIncident(meta, { ...incident, recipients });
  return coop(ctx).incidents.load(result.id);
}

interface AddReportArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly incidentId: string;
  readonly input: { readonly kind: 'INITIAL' | 'FOLLOW_UP' | 'FINAL'; readonly text: string };
}

async function addIncidentReport(_: unknown, args: AddReportArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, INCIDENTS_WRITE, args.cityCode, args.idempotencyKey, 'addIncidentReport',
    { incidentId: args.incidentId, input: args.input });
  requireOwnCopy(args.incidentId, 'EnvironmentalIncident', 'incidentId', ctx, ERRORS.INVALID_ID,
    `incidentId names an incident of another bureau; reports are added where the incident is.`);
  const { kind } = args.input;
  if (kind === 'INITIAL') {
    throw ERRORS.BAD_USER_INPUT.err('The initial report is filed by reportIncident; add FOLLOW_UP or FINAL.', { extensions: { argument: 'input.kind' } });
  }
  const text = checkRequiredText('input.text', args.input.text, COOPERATION_LIMITS.reportText);
  const result = await coop(ctx).store.addIncidentReport(meta, args.incidentId, { kind, text });
  return coop(ctx).incidents.load(result.id);
}

interface AcknowledgeArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly noticeId: string;
}

async function acknowledgeNotice(_: unknown, args: AcknowledgeArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, NOTICES_ACKNOWLEDGE, args.cityCode, args.idempotencyKey, 'acknowledgeNotice', { noticeId: args.noticeId });
  requireOwnCopy(args.noticeId, 'IncidentNotice', 'noticeId', ctx, ERRORS.NOT_NOTICE_RECIPIENT,
    `Notice ${args.noticeId} is not in the inbox of ${ctx.cityCode}; only its recipient acknowledges it.`);
  const result = await coop(ctx).store.acknowledgeNotice(meta, args.noticeId);
  return coop(ctx).notices.load(result.id);
}

interface SendBulletinArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly input: SendBulletinArgsInput;
}

async function sendBulletin(_: unknown, args: SendBulletinArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, BULLETINS_WRITE, args.cityCode, args.idempotencyKey, 'sendBulletin', args.input);
  const input = checkBulletinInput(args.input, args.cityCode);
  if (input.incidentId !== null) ownId(input.incidentId, 'EnvironmentalIncident', args.cityCode, 'input.incidentId'); // well-formed, any bureau's
  const region = await coop(ctx).directory(null, ctx.gatewayToken);
  requireKnownBureaus(region, input.recipients);
  const result = await coop(ctx).store.sendBulletin(meta, input);
  return coop(ctx).bulletins.load(result.id);
}

interface MarkReadArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly bulletinId: string;
}

async function markBulletinRead(_: unknown, args: MarkReadArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, BULLETINS_RECEIVE, args.cityCode, args.idempotencyKey, 'markBulletinRead', { bulletinId: args.bulletinId });
  requireOwnCopy(args.bulletinId, 'Bulletin', 'bulletinId', ctx, ERRORS.NOT_BULLETIN_RECIPIENT,
    `Bulletin ${args.bulletinId} is not in the inbox of ${ctx.cityCode}; only a recipient marks it read.`);
  const result = await coop(ctx).store.markBulletinRead(meta, args.bulletinId);
  return coop(ctx).bulletins.load(result.id);
}

interface RequestResourcesArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly input: RequestResourcesArgsInput;
}

async function requestResources(_: unknown, args: RequestResourcesArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, RESOURCES_REQUEST, args.cityCode, args.idempotencyKey, 'requestResources', args.input);
  const request = checkResourceRequestInput(args.input, args.cityCode);
  if (request.incidentId !== null) ownId(request.incidentId, 'EnvironmentalIncident', args.cityCode, 'input.incidentId'); // well-formed, any bureau's
  // Both asked of the gateway at once, before the transaction; an unknown responder is refused as such before
  // anything its (failed) resource lookup says.
  const [region, facts] = await Promise.allSettled([
    coop(ctx).directory(null, ctx.gatewayToken),
    coop(ctx).resources(request.responder, request.items.map((i) => i.resourceId), ctx.gatewayToken),
  ]);
  requireKnownBureaus(settled(region), [request.responder]);
  checkResourceFacts(request, settled(facts));
  const result = await coop(ctx).store.requestResources(meta, request);
  return coop(ctx).resourceRequests.load(result.id);
}

/** The responder's own received copy, or NOT_REQUEST_RESPONDER before anything is asked of the store. */
function checkReceivedRequestId(ctx: CityContext, requestId: string): void {
  requireOwnCopy(requestId, 'ResourceRequest', 'requestId', ctx, ERRORS.NOT_REQUEST_RESPONDER,
    `Request ${requestId} was not received by ${ctx.cityCode}; only the responding bureau changes it.`);
}

interface AnswerArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly requestId: string;
  readonly answer: { readonly decision: 'ACCEPTED' | 'DECLINED'; readonly reason?: string | null };
}

async function answerResourceRequest(_: unknown, args: AnswerArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, RESOURCES_RESPOND, args.cityCode, args.idempotencyKey, 'answerResourceRequest',
    { requestId: args.requestId, answer: args.answer });
  checkReceivedRequestId(ctx, args.requestId);
  const reason = args.answer.reason == null ? null : checkText('answer.reason', args.answer.reason, COOPERATION_LIMITS.requestNote).trim() || null;
  if (args.answer.decision === 'DECLINED' && reason === null) {
    throw ERRORS.BAD_USER_INPUT.err('Declining needs a reason.', { extensions: { argument: 'answer.reason' } });
  }
  const result = await coop(ctx).store.changeResourceRequestState(meta, args.requestId, args.answer.decision, reason);
  return coop(ctx).resourceRequests.load(result.id);
}

interface UpdateArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly requestId: string;
  readonly state: 'DISPATCHED' | 'RETURNED';
}

async function updateResourceRequest(_: unknown, args: UpdateArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, RESOURCES_RESPOND, args.cityCode, args.idempotencyKey, 'updateResourceRequest',
    { requestId: args.requestId, state: args.state });
  checkReceivedRequestId(ctx, args.requestId);
  const result = await coop(ctx).store.changeResourceRequestState(meta, args.requestId, args.state, null);
  return coop(ctx).resourceRequests.load(result.id);
}

interface RecordMeetingArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly input: RecordJointMeetingArgsInput;
}

async function recordJointMeeting(_: unknown, args: RecordMeetingArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, MEETINGS_WRITE, args.cityCode, args.idempotencyKey, 'recordJointMeeting', args.input);
  const meeting = checkJointMeetingInput(args.input, args.cityCode, meta.now);
  const region = await coop(ctx).directory(null, ctx.gatewayToken);
  requireKnownBureaus(region, [...meeting.bureausPresent, ...meeting.actionItems.map((i) => i.assignee)]);
  const result = await coop(ctx).store.recordJointMeeting(meta, meeting);
  return coop(ctx).jointMeetings.load(result.id);
}

interface UpdateActionItemArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly actionItemId: string;
  readonly status: 'OPEN' | 'IN_PROGRESS' | 'DONE';
  readonly note?: string | null;
}

async function updateActionItem(_: unknown, args: UpdateActionItemArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, MEETINGS_ACT, args.cityCode, args.idempotencyKey, 'updateActionItem',
    { actionItemId: args.actionItemId, status: args.status, note: args.note ?? null });
  requireOwnCopy(args.actionItemId, 'ActionItem', 'actionItemId', ctx, ERRORS.NOT_ACTION_ITEM_ASSIGNEE,
    `Action item ${args.actionItemId} is not in the inbox of ${ctx.cityCode}; only its assigned bureau updates it.`);
  const note = args.note == null ? null : checkText('note', args.note, COOPERATION_LIMITS.actionItemNote).trim() || null;
  const { status } = args;
  if (status === 'OPEN') {
    throw ERRORS.STATE_CHANGE_OUT_OF_ORDER.err('An action item never goes back to OPEN.', { extensions: { requested: status } });
  }
  const result = await coop(ctx).store.updateActionItem(meta, args.actionItemId, status, note);
  return coop(ctx).actionItems.load(result.id);
}

interface ProposePatrolArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly input: ProposeJointPatrolArgsInput;
}

async function proposeJointPatrol(_: unknown, args: ProposePatrolArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, PATROLS_PROPOSE, args.cityCode, args.idempotencyKey, 'proposeJointPatrol', args.input);
  const proposal = checkPatrolProposalInput(args.input, args.cityCode);
  const region = await coop(ctx).directory(proposal.riverId, ctx.gatewayToken); // RECIPIENTS_UNAVAILABLE (unknown-river) for an unknown river
  requireKnownBureaus(region, proposal.partners);
  const result = await coop(ctx).store.proposeJointPatrol(meta, proposal);
  return coop(ctx).patrolProposals.load(result.id);
}

interface ConfirmPatrolArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly proposalId: string;
  readonly decision: 'CONFIRMED' | 'DECLINED';
  readonly participants?: number | null;
  readonly note?: string | null;
}

async function confirmJointPatrol(_: unknown, args: ConfirmPatrolArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, PATROLS_CONFIRM, args.cityCode, args.idempotencyKey, 'confirmJointPatrol', {
    proposalId: args.proposalId, decision: args.decision, participants: args.participants ?? null, note: args.note ?? null,
  });
  requireOwnCopy(args.proposalId, 'JointPatrolProposal', 'proposalId', ctx, ERRORS.NOT_PATROL_PARTNER,
    `Proposal ${args.proposalId} is not in the inbox of ${ctx.cityCode}; only a partner answers it.`);
  const answer = checkPatrolAnswer(args.decision, args.participants, args.note);
  const result = await coop(ctx).store.confirmJointPatrol(meta, args.proposalId, answer);
  return coop(ctx).patrolProposals.load(result.id);
}

interface ExchangeArgs {
  readonly cityCodes?: readonly string[] | null;
  readonly from: number;
  readonly to: number;
}

async function bulletinExchange(_: unknown, args: ExchangeArgs, ctx: CityContext) {
  if (args.to < args.from) throw ERRORS.BAD_USER_INPUT.err('to must not be before from.', { extensions: { argument: 'to' } });
  if (args.cityCodes && !args.cityCodes.includes(ctx.cityCode)) return [];
  return coop(ctx).store.bulletinExchange(args.from, args.to);
}

interface IncidentArgs extends ListArgs {
  readonly status?: IncidentStatus | null;
}

interface NoticeArgs extends ListArgs {
  readonly state?: NoticeState | null;
}

export function cooperationResolvers(policies: ReadonlyMap<string, ShardingPolicy>) {
  return {
    Query: {
      incidents: listResolver(policies.get('incidents'), {
        filter: (args: IncidentArgs) => ({ status: args.status ?? undefined }),
        list: (ctx, q) => coop(ctx).store.listIncidents(q),
        loader: (ctx) => coop(ctx).incidents,
      }),
      receivedNotices: listResolver(policies.get('receivedNotices'), {
        filter: (args: NoticeArgs) => ({ state: args.state ?? undefined }),
        list: (ctx, q) => coop(ctx).store.listReceivedNotices(q),
        loader: (ctx) => coop(ctx).notices,
      }),
      bulletins: listResolver(policies.get('bulletins'), {
        filter: () => ({}),
        list: (ctx, q) => coop(ctx).store.listBulletins(q),
        loader: (ctx) => coop(ctx).bulletins,
      }),
      receivedBulletins: listResolver(policies.get('receivedBulletins'), {
        filter: () => ({}),
        list: (ctx, q) => coop(ctx).store.listReceivedBulletins(q),
        loader: (ctx) => coop(ctx).bulletins,
      }),
      bulletinExchange,
      resourceRequests: listResolver(policies.get('resourceRequests'), {
        filter: (args: ListArgs & { readonly role: 'SENT' | 'RECEIVED' }) => ({ role: args.role }),
        list: (ctx, q) => coop(ctx).store.listResourceRequests(q),
        loader: (ctx) => coop(ctx).resourceRequests,
      }),
      jointMeetings: listResolver(policies.get('jointMeetings'), {
        filter: () => ({}),
        list: (ctx, q) => coop(ctx).store.listJointMeetings(q),
        loader: (ctx) => coop(ctx).jointMeetings,
      }),
      actionItems: listResolver(policies.get('actionItems'), {
        filter: (args: ListArgs & { readonly overdueAt?: number | null }) => (args.overdueAt == null ? {} : { overdueAt: args.overdueAt }),
        list: (ctx, q) => coop(ctx).store.listActionItems(q),
        loader: (ctx) => coop(ctx).actionItems,
      }),
      jointPatrolProposals: listResolver(policies.get('jointPatrolProposals'), {
        filter: () => ({}),
        list: (ctx, q) => coop(ctx).store.listPatrolProposals('SENT', q),
        loader: (ctx) => coop(ctx).patrolProposals,
      }),
      receivedJointPatrolProposals: listResolver(policies.get('receivedJointPatrolProposals'), {
        filter: () => ({}),
        list: (ctx, q) => coop(ctx).store.listPatrolProposals('RECEIVED', q),
        loader: (ctx) => coop(ctx).patrolProposals,
      }),
    },
    Mutation: {
      reportIncident, addIncidentReport, acknowledgeNotice, sendBulletin, markBulletinRead, requestResources, answerResourceRequest, updateResourceRequest,
      recordJointMeeting, updateActionItem, proposeJointPatrol, confirmJointPatrol,
    },
    EnvironmentalIncident: {
      __resolveReference: (ref: { cityCode: string; id: string }, ctx: CityContext) =>
        ownId(ref.id, 'EnvironmentalIncident', ctx.cityCode) && ref.cityCode === ctx.cityCode ? coop(ctx).incidents.load(ref.id) : null,
      location: (i: IncidentRecord) => ({ longitude: i.longitude, latitude: i.latitude }),
      river: (i: IncidentRecord) => riverRef(i.riverId),
      grade: (i: IncidentRecord) => {
        const grade = gradeIncident(i.facts);
        return { level: grade.level, name: grade.name, reasons: grade.reasons };
      },
      reports: (i: IncidentRecord, _: unknown, ctx: CityContext) => coop(ctx).reportsOfIncident.load(i.id),
      notices: (i: IncidentRecord, _: unknown, ctx: CityContext) => coop(ctx).noticesOfIncident.load(i.id),
      history: async (i: IncidentRecord, _: unknown, ctx: CityContext) => (await coop(ctx).history.load(i.id)).map(auditView),
    },
    IncidentNotice: {
      __resolveReference: (ref: { cityCode: string; id: string }, ctx: CityContext) =>
        ownId(ref.id, 'IncidentNotice', ctx.cityCode) && ref.cityCode === ctx.cityCode ? coop(ctx).notices.load(ref.id) : null,
      // @cityReference: the gateway asks only for the key here and the rest of the incident from its bureau (the
      // sender), so a recipient's copy answers a reference to the sender's incident; the sender's own, the record.
      incident: (n: NoticeRecord, _: unknown, ctx: CityContext) => (n.direction === 'SENT'
        ? coop(ctx).incidents.load(n.incidentId)
        : { cityCode: n.senderCityCode, id: n.incidentId }),
      history: async (n: NoticeRecord, _: unknown, ctx: CityContext) => (await coop(ctx).history.load(n.id)).map(auditView),
    },
    ResourceRequest: {
      __resolveReference: (ref: { cityCode: string; id: string }, ctx: CityContext) =>
        ownId(ref.id, 'ResourceRequest', ctx.cityCode) && ref.cityCode === ctx.cityCode ? coop(ctx).resourceRequests.load(ref.id) : null,
      history: async (r: ResourceRequestRecord, _: unknown, ctx: CityContext) => (await coop(ctx).history.load(r.id)).map(auditView),
    },
    JointMeeting: {
      __resolveReference: (ref: { cityCode: string; id: string }, ctx: CityContext) =>
        ownId(ref.id, 'JointMeeting', ctx.cityCode) && ref.cityCode === ctx.cityCode ? coop(ctx).jointMeetings.load(ref.id) : null,
      actionItems: (m: JointMeetingRecord, _: unknown, ctx: CityContext) => coop(ctx).actionItemsOfMeeting.load(m.id),
      history: async (m: JointMeetingRecord, _: unknown, ctx: CityContext) => (await coop(ctx).history.load(m.id)).map(auditView),
    },
    ActionItem: {
      __resolveReference: (ref: { cityCode: string; id: string }, ctx: CityContext) =>
        ownId(ref.id, 'ActionItem', ctx.cityCode) && ref.cityCode === ctx.cityCode ? coop(ctx).actionItems.load(ref.id) : null,
      // @cityReference, as IncidentNotice.incident: the assignee holds no other bureau's meetings, so its copy
      // answers the meeting's key and the gateway fetches the rest from the convener; the convener's own, the record.
      meeting: (i: ActionItemRecord, _: unknown, ctx: CityContext) => (i.direction === 'SENT'
        ? coop(ctx).jointMeetings.load(i.meetingId)
        : { cityCode: i.convenerCityCode, id: i.meetingId }),
      history: async (i: ActionItemRecord, _: unknown, ctx: CityContext) => (await coop(ctx).history.load(i.id)).map(auditView),
    },
    JointPatrolProposal: {
      __resolveReference: (ref: { cityCode: string; id: string }, ctx: CityContext) =>
        ownId(ref.id, 'JointPatrolProposal', ctx.cityCode) && ref.cityCode === ctx.cityCode ? coop(ctx).patrolProposals.load(ref.id) : null,
      river: (p: PatrolProposalRecord) => riverRef(p.riverId),
      partners: async (p: PatrolProposalRecord, _: unknown, ctx: CityContext) => (await coop(ctx).partnersOfProposal.load(p.id))
        .map((r: PatrolPartnerRecord) => ({
          cityCode: r.cityCode, state: r.state, deliveredAt: r.deliveredAt, respondedAt: r.respondedAt, respondedBy: r.respondedBy,
          participants: r.participants, note: r.note,
        })),
      history: async (p: PatrolProposalRecord, _: unknown, ctx: CityContext) => (await coop(ctx).history.load(p.id)).map(auditView),
    },
    Bulletin: {
      __resolveReference: (ref: { cityCode: string; id: string }, ctx: CityContext) =>
        ownId(ref.id, 'Bulletin', ctx.cityCode) && ref.cityCode === ctx.cityCode ? coop(ctx).bulletins.load(ref.id) : null,
      recipients: async (b: BulletinRecord, _: unknown, ctx: CityContext) => (await coop(ctx).recipientsOfBulletin.load(b.id))
        .map((r: BulletinRecipientRecord) => ({ cityCode: r.cityCode, state: r.state, deliveredAt: r.deliveredAt, readAt: r.readAt, readBy: r.readBy })),
      history: async (b: BulletinRecord, _: unknown, ctx: CityContext) => (await coop(ctx).history.load(b.id)).map(auditView),
    },
  };
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
