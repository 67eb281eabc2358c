/**
 * The argument checks of the cooperation mutations, before anything is asked or written: text
 * limits (TEXT_TOO_LONG), times (INVALID_TIME), coordinates and codes (BAD_USER_INPUT). Pure.
 */
import { ERRORS } from '../../../schema/errors.ts';
import { decodeGlobalId } from '../../../schema/globalId.ts';
import { parseIsoWithOffset } from '../scalars.ts';
import type {
  BulletinCategory, IncidentGradingFacts, JointMeetingKind, JointMode, NewJointMeeting, NewPatrolProposal, NewResourceRequest, PatrolAnswer,
} from './CooperationStore.ts';
import { COOPERATION_LIMITS } from './cooperationLimits.ts';
import type { ResourceFact } from './createResourceDirectory.ts';

export interface ReportIncidentArgsInput {
  readonly title: string;
  readonly description: string;
  readonly occurredAt: string;
  readonly location: { readonly longitude: number; readonly latitude: number };
  readonly riverId?: string | null;
  readonly nearestSectionId?: string | null;
  readonly pollutants?: readonly string[] | null;
  readonly facts?: IncidentGradingFacts | null;
  readonly extraRecipients?: readonly string[] | null;
}

export interface CheckedIncidentInput {
  readonly title: string;
  readonly description: string;
  readonly occurredAt: number;
  readonly longitude: number;
  readonly latitude: number;
  readonly riverId: string | null;
  readonly nearestSectionId: string | null;
  readonly pollutants: readonly string[];
  readonly facts: IncidentGradingFacts;
  readonly extraRecipients: readonly string[];
}

/** Clock skew allowed for an occurredAt "now" on another machine. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function checkText(argument: string, value: string, max: number): string {
  if ([...value].length > max) {
    throw ERRORS.TEXT_TOO_LONG.err(`${argument} is longer than ${max} characters.`, { extensions: { argument, max } });
  }
  return value;
}

export function checkRequiredText(argument: string, value: string, max: number): string {
  const text = checkText(argument, value, max).trim();
  if (text === '') throw ERRORS.BAD_USER_INPUT.err(`${argument} must not be empty.`, { extensions: { argument } });
  return text;
}

/** A WGS-84 point: longitude in [-180, 180], latitude in [-90, 90] (BAD_USER_INPUT otherwise). */
export function checkPoint(argument: string, point: { readonly longitude: number; readonly latitude: number }): { longitude: number; latitude: number } {
  const { longitude, latitude } = point;
  if (!(Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90)) {
    throw ERRORS.BAD_USER_INPUT.err(`${argument} must have longitude in [-180, 180] and latitude in [-90, 90].`, { extensions: { argument } });
  }
  return { longitude, latitude };
}

export function checkIdempotencyKey(key: string): string {
  checkRequiredText('idempotencyKey', key, COOPERATION_LIMITS.idempotencyKey);
  return key;
}

export function checkIncidentInput(input: ReportIncidentArgsInput, now: number): CheckedIncidentInput {
  const occurredAt = parseIsoWithOffset(input.occurredAt);
  if (occurredAt === null) {
    throw ERRORS.INVALID_TIME.err('input.occurredAt must be ISO 8601 with an offset, e.g. 2026-05-01T08:30:00+08:00.', {
      extensions: { argument: 'input.occurredAt' },
    });
  }
  if (occurredAt > now + FUTURE_TOLERANCE_MS) {
    throw ERRORS.INVALID_TIME.err('input.occurredAt lies in the future.', { extensions: { argument: 'input.occurredAt' } });
  }
  const { longitude, latitude } = checkPoint('input.location', input.location);
  const pollutants = input.pollutants ?? [];
  if (pollutants.length > COOPERATION_LIMITS.pollutants) {
    throw ERRORS.TEXT_TOO_LONG.err(`input.pollutants has more than ${COOPERATION_LIMITS.pollutants} entries.`, {
      extensions: { argument: 'input.pollutants', max: COOPERATION_LIMITS.pollutants },
    });
  }
  const extra = input.extraRecipients ?? [];
  if (extra.length > COOPERATION_LIMITS.extraRecipients) {
    throw ERRORS.TEXT_TOO_LONG.err(`input.extraRecipients has more than ${COOPERATION_LIMITS.extraRecipients} entries.`, {
      extensions: { argument: 'input.extraRecipients', max: COOPERATION_LIMITS.extraRecipients },
    });
  }
  if (input.nearestSectionId != null && input.riverId == null) {
    throw ERRORS.BAD_USER_INPUT.err('input.nearestSectionId needs input.riverId.', { extensions: { argument: 'input.nearestSectionId' } });
  }
  const facts = input.facts ?? {};
  for (const [field, value] of Object.entries(facts)) {
    if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0)) {
      throw ERRORS.BAD_USER_INPUT.err(`input.facts.${field} must be a non-negative number.`, { extensions: { argument: `input.facts.${field}` } });
    }
  }
  return {
    title: checkRequiredText('input.title', input.title, COOPERATION_LIMITS.title),
    description: checkRequiredText('input.description', input.description, COOPERATION_LIMITS.description),
    occurredAt,
    longitude,
    latitude,
    riverId: input.riverId ?? null,
    nearestSectionId: input.nearestSectionId ?? null,
    pollutants: pollutants.map((p) => checkRequiredText('input.pollutants', p, COOPERATION_LIMITS.pollutant)),
    facts: Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== null && v !== undefined)),
    extraRecipients: [...new Set(extra)],
  };
}

export interface SendBulletinArgsInput {
  readonly category: BulletinCategory;
  readonly title: string;
  readonly body: string;
  readonly recipients: readonly string[];
  readonly incidentId?: string | null;
}

export interface CheckedBulletinInput {
  readonly category: BulletinCategory;
  readonly title: string;
  readonly body: string;
  /** Distinct, sorted; not yet checked against the region. */
  readonly recipients: readonly string[];
  readonly incidentId: string | null;
}

/** Texts and the recipient list of sendBulletin (at least one, at most 10, never the sender). */
export function checkBulletinInput(input: SendBulletinArgsInput, sender: string): CheckedBulletinInput {
  const recipients = [...new Set(input.recipients)].sort();
  if (recipients.length === 0) {
    throw ERRORS.BAD_USER_INPUT.err('input.recipients must name at least one bureau.', { extensions: { argument: 'input.recipients' } });
  }
  if (recipients.length > COOPERATION_LIMITS.bulletinRecipients) {
    throw ERRORS.TEXT_TOO_LONG.err(`input.recipients has more than ${COOPERATION_LIMITS.bulletinRecipients} entries.`, {
      extensions: { argument: 'input.recipients', max: COOPERATION_LIMITS.bulletinRecipients },
    });
  }
  if (recipients.includes(sender)) {
    throw ERRORS.INVALID_RECIPIENT.err('A bulletin is never sent to its own sender.', { extensions: { cityCode: sender, reason: 'self' } });
  }
  return {
    category: input.category,
    title: checkRequiredText('input.title', input.title, COOPERATION_LIMITS.title),
    body: checkRequiredText('input.body', input.body, COOPERATION_LIMITS.bulletinBody),
    recipients,
    incidentId: input.incidentId ?? null,
  };
}

export interface RequestResourcesArgsInput {
  readonly responderCityCode: string;
  readonly items: ReadonlyArray<{ readonly resourceId: string; readonly quantity: number }>;
  readonly incidentId?: string | null;
  readonly note?: string | null;
}

/**
 * requestResources: 1–20 distinct resources, each a global id of an EmergencyResource of the
 * responder (INVALID_ID otherwise), quantities 1–1000000, a note ≤ 4000, never the requester itself.
 */
export function checkResourceRequestInput(input: RequestResourcesArgsInput, requester: string): NewResourceRequest {
  const responder = input.responderCityCode;
  if (responder === requester) {
    throw ERRORS.INVALID_RECIPIENT.err('A bureau never requests resources of itself.', { extensions: { cityCode: responder, reason: 'self' } });
  }
  if (input.items.length === 0) {
    throw ERRORS.BAD_USER_INPUT.err('input.items must name at least one resource.', { extensions: { argument: 'input.items' } });
  }
  if (input.items.length > COOPERATION_LIMITS.requestItems) {
    throw ERRORS.TEXT_TOO_LONG.err(`input.items has more than ${COOPERATION_LIMITS.requestItems} entries.`, {
      extensions: { argument: 'input.items', max: COOPERATION_LIMITS.requestItems },
    });
  }
  const seen = new Set<string>();
  const items = input.items.map(({ resourceId, quantity }, i) => {
    const argument = `input.items[${i}].resourceId`;
    const parts = decodeGlobalId(resourceId);
    if (parts === null || parts.type !== 'EmergencyResource') {
      throw ERRORS.INVALID_ID.err(`${argument} is not an emergency resource's global id.`, { extensions: { argument } });
    }
    if (parts.cityCode !== responder) {
      throw ERRORS.INVALID_ID.err(`${argument} is a resource of bureau ${parts.cityCode}, not of the responder ${responder}.`, { extensions: { argument } });
    }
    if (seen.has(resourceId)) throw ERRORS.BAD_USER_INPUT.err(`${argument} is listed twice.`, { extensions: { argument } });
    seen.add(resourceId);
    if (!(Number.isInteger(quantity) && quantity >= 1 && quantity <= COOPERATION_LIMITS.requestQuantity)) {
      throw ERRORS.BAD_USER_INPUT.err(`input.items[${i}].quantity must be 1–${COOPERATION_LIMITS.requestQuantity}.`, {
        extensions: { argument: `input.items[${i}].quantity` },
      });
    }
    return { resourceId, quantity };
  });
  return {
    responder,
    items,
    incidentId: input.incidentId ?? null,
    note: checkText('input.note', input.note ?? '', COOPERATION_LIMITS.requestNote).trim(),
  };
}

/**
 * requestResources, once the responder was asked (createResourceDirectory.ts, one fact per item): each
 * resource must be in the responder's data (UNKNOWN_RESOURCE otherwise, `not-found` or `other-bureau`)
 * and visible to the caller (FORBIDDEN, with the gateway's reason and required scopes).
 */
export function checkResourceFacts(request: NewResourceRequest, facts: readonly ResourceFact[]): void {
  request.items.forEach(({ resourceId }, i) => {
    const argument = `input.items[${i}].resourceId`;
    const fact = facts[i];
    switch (fact?.status) {
      case 'found':
        if (fact.cityCode === request.responder) return;
        throw ERRORS.UNKNOWN_RESOURCE.err(`${argument} is a resource of bureau ${fact.cityCode}, not of the responder ${request.responder}.`, {
          extensions: { argument, resourceId, reason: 'other-bureau' },
        });
      case 'forbidden': {
        const { reason, requiredScopes } = fact.extensions;
        throw ERRORS.FORBIDDEN.err(`The caller may not see the resources of bureau ${request.responder}, so ${argument} cannot be checked.`, {
          extensions: { argument, cityCode: request.responder, reason, ...(requiredScopes !== undefined && { requiredScopes }) },
        });
      }
      case 'missing':
      case undefined:
        throw ERRORS.UNKNOWN_RESOURCE.err(`Bureau ${request.responder} has no emergency resource ${resourceId}.`, {
          extensions: { argument, resourceId, reason: 'not-found' },
        });
    }
  });
}

export interface RecordJointMeetingArgsInput {
  readonly kind: JointMeetingKind;
  readonly title: string;
  readonly heldAt: string;
  readonly bureausPresent: readonly string[];
  readonly topics?: readonly string[] | null;
  readonly decisions?: readonly string[] | null;
  readonly actionItems?: ReadonlyArray<{ readonly description: string; readonly assigneeCityCode: string; readonly dueAt: string }> | null;
}

export function checkTime(argument: string, value: string): number {
  const at = parseIsoWithOffset(value);
  if (at === null) {
    throw ERRORS.INVALID_TIME.err(`${argument} must be ISO 8601 with an offset, e.g. 2026-05-01T08:30:00+08:00.`, { extensions: { argument } });
  }
  return at;
}

export function checkCount(argument: string, list: readonly unknown[], max: number): void {
  if (list.length > max) throw ERRORS.TEXT_TOO_LONG.err(`${argument} has more than ${max} entries.`, { extensions: { argument, max } });
}

/**
 * recordJointMeeting: a title ≤ 200, heldAt with an offset and not in the future, 1–20 bureaus present,
 * ≤ 20 topics and ≤ 50 decisions of ≤ 2000, ≤ 50 action items (≤ 2000, a due time with an offset, never
 * assigned to the convener). Bureau codes are checked against the region by the resolver.
 */
export function checkJointMeetingInput(input: RecordJointMeetingArgsInput, convener: string, now: number): NewJointMeeting {
  const heldAt = checkTime('input.heldAt', input.heldAt);
  if (heldAt > now + FUTURE_TOLERANCE_MS) {
    throw ERRORS.INVALID_TIME.err('input.heldAt lies in the future; a meeting is recorded once held.', { extensions: { argument: 'input.heldAt' } });
  }
  const bureausPresent = [...new Set(input.bureausPresent)].sort();
  if (bureausPresent.length === 0) {
    throw ERRORS.BAD_USER_INPUT.err('input.bureausPresent must name at least one bureau.', { extensions: { argument: 'input.bureausPresent' } });
  }
  checkCount('input.bureausPresent', bureausPresent, COOPERATION_LIMITS.meetingBureaus);
  const topics = input.topics ?? [];
  checkCount('input.topics', topics, COOPERATION_LIMITS.meetingTopics);
  const decisions = input.decisions ?? [];
  checkCount('input.decisions', decisions, COOPERATION_LIMITS.meetingDecisions);
  const items = input.actionItems ?? [];
  checkCount('input.actionItems', items, COOPERATION_LIMITS.meetingActionItems);
  return {
    kind: input.kind,
    title: checkRequiredText('input.title', input.title, COOPERATION_LIMITS.title),
    heldAt,
    bureausPresent,
    topics: topics.map((t) => checkRequiredText('input.topics', t, COOPERATION_LIMITS.meetingText)),
    decisions: decisions.map((d) => checkRequiredText('input.decisions', d, COOPERATION_LIMITS.meetingText)),
    actionItems: items.map((item, i) => {
      if (item.assigneeCityCode === convener) {
        throw ERRORS.INVALID_RECIPIENT.err('An action item is assigned to another bureau, never the convener.', {
          extensions: { cityCode: convener, reason: 'self', argument: `input.actionItems[${i}].assigneeCityCode` },
        });
      }
      return {
        description: checkRequiredText(`input.actionItems[${i}].description`, item.description, COOPERATION_LIMITS.meetingText),
        assignee: item.assigneeCityCode,
        dueAt: checkTime(`input.actionItems[${i}].dueAt`, item.dueAt),
      };
    }),
  };
}

export interface ProposeJointPatrolArgsInput {
  readonly name: string;
  readonly mode: JointMode;
  readonly riverId: string;
  readonly reach: string;
  readonly plannedStartAt: string;
  readonly partners: readonly string[];
  readonly note?: string | null;
  readonly participants?: number | null;
}

/** proposeJointPatrol: name and reach ≤ 200, a start with an offset, 1–10 partners never the proposer, a note ≤ 4000, participants 0–10000. */
export function checkPatrolProposalInput(input: ProposeJointPatrolArgsInput, proposer: string): NewPatrolProposal {
  const partners = checkPartners(input.partners, proposer);
  return {
    name: checkRequiredText('input.name', input.name, COOPERATION_LIMITS.title),
    mode: input.mode,
    riverId: checkRequiredText('input.riverId', input.riverId, COOPERATION_LIMITS.title),
    reach: checkRequiredText('input.reach', input.reach, COOPERATION_LIMITS.patrolReach),
    plannedStartAt: checkTime('input.plannedStartAt', input.plannedStartAt),
    note: checkText('input.note', input.note ?? '', COOPERATION_LIMITS.patrolNote).trim(),
    partners,
    participants: checkParticipants('input.participants', input.participants ?? 0),
  };
}

/** The partners of a proposal: 1–10 distinct bureaus, sorted, never the proposer (the region check comes later). */
export function checkPartners(codes: readonly string[], proposer: string): string[] {
  const partners = [...new Set(codes)].sort();
  if (partners.length === 0) {
    throw ERRORS.BAD_USER_INPUT.err('input.partners must name at least one bureau.', { extensions: { argument: 'input.partners' } });
  }
  checkCount('input.partners', partners, COOPERATION_LIMITS.patrolPartners);
  if (partners.includes(proposer)) {
    throw ERRORS.INVALID_RECIPIENT.err('A joint action is never proposed to its own proposer.', { extensions: { cityCode: proposer, reason: 'self' } });
  }
  return partners;
}

/** A head count of a patrol: 0–10000. */
export function checkParticipants(argument: string, participants: number): number {
  if (!(Number.isInteger(participants) && participants >= 0 && participants <= COOPERATION_LIMITS.patrolParticipants)) {
    throw ERRORS.BAD_USER_INPUT.err(`${argument} must be 0–${COOPERATION_LIMITS.patrolParticipants}.`, { extensions: { argument } });
  }
  return participants;
}

/** confirmJointPatrol: participants 0–10000, a note ≤ 4000 (blank is none). */
export function checkPatrolAnswer(decision: PatrolAnswer['state'], participants: number | null | undefined, note: string | null | undefined): PatrolAnswer {
  return {
    state: decision,
    participants: participants == null ? null : checkParticipants('participants', participants),
    note: note == null ? null : checkText('note', note, COOPERATION_LIMITS.patrolNote).trim() || null,
  };
}
