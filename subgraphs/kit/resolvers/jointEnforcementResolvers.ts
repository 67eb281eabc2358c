/**
 * Joint enforcement (schema/contract/cooperation.graphql, cases.graphql): the outcome of JointPatrols made
 * from proposals, and joint enforcement case proposals (联合执法). Same write path as cooperationResolvers.ts:
 * argument checks → the caller's check → the region's bureaus → one idempotent transaction in the store.
 */
import { ERRORS } from '../../../schema/errors.ts';
import type { ShardingPolicy } from '../../../schema/shardingPolicies.ts';
import type { CityContext } from '../CityContext.ts';
import { checkJointCaseAnswer, checkJointCaseInput, checkPatrolOutcome, type JointPatrolFindingsArgsInput, type ProposeJointCaseArgsInput } from '../cooperation/checkJointEnforcementInput.ts';
import type { PatrolProposalRecord } from '../cooperation/CooperationStore.ts';
import type { JointCasePartnerRecord, JointCaseProposalRecord } from '../cooperation/JointEnforcementStore.ts';
import { ownId } from './arguments.ts';
import { auditView, coop, requireKnownBureaus, requireOwnCopy, writeMeta } from './cooperationWrites.ts';
import { listResolver } from './listResolver.ts';
import { enterpriseRef } from './references.ts';

const PATROLS_PROPOSE = 'patrols:propose';
const CASES_WRITE = 'cases:write';
const CASES_CONFIRM = 'cases:confirm';

interface FindingsArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly patrolId: string;
  readonly input: JointPatrolFindingsArgsInput;
}

async function recordJointPatrolFindings(_: unknown, args: FindingsArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, PATROLS_PROPOSE, args.cityCode, args.idempotencyKey, 'recordJointPatrolFindings', { patrolId: args.patrolId, input: args.input });
  requireOwnCopy(args.patrolId, 'JointPatrol', 'patrolId', ctx, ERRORS.INVALID_ID,
    `patrolId names a patrol of another bureau; its organiser records the outcome.`);
  const outcome = checkPatrolOutcome(args.input, meta.now);
  const result = await coop(ctx).store.recordJointPatrolFindings(meta, args.patrolId, outcome);
  return ctx.loaders.patrols.load(result.id);
}

interface ProposeCaseArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly input: ProposeJointCaseArgsInput;
}

async function proposeJointCase(_: unknown, args: ProposeCaseArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, CASES_WRITE, args.cityCode, args.idempotencyKey, 'proposeJointCase', args.input);
  const proposal = checkJointCaseInput(args.input, args.cityCode);
  const region = await coop(ctx).directory(null, ctx.gatewayToken);
  requireKnownBureaus(region, proposal.partners);
  const result = await coop(ctx).store.proposeJointCase(meta, proposal);
  return coop(ctx).caseProposals.load(result.id);
}

interface ConfirmCaseArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly proposalId: string;
  readonly decision: 'CONFIRMED' | 'DECLINED';
  readonly note?: string | null;
}

async function confirmJointCase(_: unknown, args: ConfirmCaseArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, CASES_CONFIRM, args.cityCode, args.idempotencyKey, 'confirmJointCase',
    { proposalId: args.proposalId, decision: args.decision, note: args.note ?? null });
  requireOwnCopy(args.proposalId, 'JointCaseProposal', 'proposalId', ctx, ERRORS.NOT_JOINT_CASE_PARTNER,
    `Proposal ${args.proposalId} is not in the inbox of ${ctx.cityCode}; only a partner answers it.`);
  const result = await coop(ctx).store.confirmJointCase(meta, args.proposalId, checkJointCaseAnswer(args.decision, args.note));
  return coop(ctx).caseProposals.load(result.id);
}

interface LinkCaseArgs {
  readonly cityCode: string;
  readonly idempotencyKey: string;
  readonly proposalId: string;
  readonly caseId: string;
}

async function linkJointCase(_: unknown, args: LinkCaseArgs, ctx: CityContext) {
  const meta = writeMeta(ctx, CASES_WRITE, args.cityCode, args.idempotencyKey, 'linkJointCase', { proposalId: args.proposalId, caseId: args.caseId });
  requireOwnCopy(args.proposalId, 'JointCaseProposal', 'proposalId', ctx, ERRORS.INVALID_ID,
    `proposalId names a proposal of another bureau; its proposer links the case.`);
  requireOwnCopy(args.caseId, 'EnforcementCase', 'caseId', ctx, ERRORS.INVALID_ID, `caseId names a case of another bureau; link one of ${ctx.cityCode}'s cases.`);
  if ((await ctx.loaders.cases.load(args.caseId)) === null) {
    throw ERRORS.INVALID_ID.err(`Bureau ${ctx.cityCode} has no case ${args.caseId}.`, { extensions: { argument: 'caseId' } });
  }
  const result = await coop(ctx).store.linkJointCase(meta, args.proposalId, args.caseId);
  return coop(ctx).caseProposals.load(result.id);
}

export function jointEnforcementResolvers(policies: ReadonlyMap<string, ShardingPolicy>) {
  return {
    Query: {
      jointCaseProposals: listResolver(policies.get('jointCaseProposals'), {
        filter: () => ({}),
        list: (ctx, q) => coop(ctx).store.listCaseProposals('SENT', q),
        loader: (ctx) => coop(ctx).caseProposals,
      }),
      receivedJointCaseProposals: listResolver(policies.get('receivedJointCaseProposals'), {
        filter: () => ({}),
        list: (ctx, q) => coop(ctx).store.listCaseProposals('RECEIVED', q),
        loader: (ctx) => coop(ctx).caseProposals,
      }),
    },
    Mutation: { recordJointPatrolFindings, proposeJointCase, confirmJointCase, linkJointCase },
    JointPatrolProposal: {
      patrol: (p: PatrolProposalRecord, _: unknown, ctx: CityContext) => coop(ctx).patrolOfProposal.load(p.id),
    },
    JointCaseProposal: {
      __resolveReference: (ref: { cityCode: string; id: string }, ctx: CityContext) =>
        ownId(ref.id, 'JointCaseProposal', ctx.cityCode) && ref.cityCode === ctx.cityCode ? coop(ctx).caseProposals.load(ref.id) : null,
      enterprise: (p: JointCaseProposalRecord) => enterpriseRef(p.creditCode),
      partners: async (p: JointCaseProposalRecord, _: unknown, ctx: CityContext) => (await coop(ctx).partnersOfCaseProposal.load(p.id))
        .map((r: JointCasePartnerRecord) => ({
          cityCode: r.cityCode, state: r.state, deliveredAt: r.deliveredAt, respondedAt: r.respondedAt, respondedBy: r.respondedBy, note: r.note,
        })),
      // The proposer's copy only: the partner's bureau holds no case of the proposer (node(caseId) reaches it).
      case: (p: JointCaseProposalRecord, _: unknown, ctx: CityContext) =>
        (p.direction === 'SENT' && p.caseId !== null ? ctx.loaders.cases.load(p.caseId) : null),
      history: async (p: JointCaseProposalRecord, _: unknown, ctx: CityContext) => (await coop(ctx).history.load(p.id)).map(auditView),
    },
  };
}
