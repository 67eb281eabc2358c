import DataLoader from 'dataloader';
import type {
  ActionItemRecord, AuditRecord, BulletinRecipientRecord, BulletinRecord, CooperationStore, IncidentRecord, IncidentReportRecord, JointMeetingRecord, NoticeRecord, PatrolPartnerRecord, PatrolProposalRecord, ResourceRequestRecord,
} from './CooperationStore.ts';
import type { RegionDirectory } from './createRegionDirectory.ts';
import type { CooperationPatrolRecord, JointCasePartnerRecord, JointCaseProposalRecord } from './JointEnforcementStore.ts';
import type { ResourceDirectory } from './createResourceDirectory.ts';

/** What the cooperation resolvers of one request use: the store, its per-request loaders, what the graph knows (region, resources), the clock. */
export interface CooperationContext {
  readonly store: CooperationStore;
  readonly directory: RegionDirectory;
  readonly resources: ResourceDirectory;
  readonly now: () => number;
  readonly incidents: DataLoader<string, IncidentRecord | null>;
  readonly notices: DataLoader<string, NoticeRecord | null>;
  readonly noticesOfIncident: DataLoader<string, readonly NoticeRecord[]>;
  readonly reportsOfIncident: DataLoader<string, readonly IncidentReportRecord[]>;
  readonly history: DataLoader<string, readonly AuditRecord[]>;
  readonly bulletins: DataLoader<string, BulletinRecord | null>;
  readonly recipientsOfBulletin: DataLoader<string, readonly BulletinRecipientRecord[]>;
  readonly resourceRequests: DataLoader<string, ResourceRequestRecord | null>;
  readonly jointMeetings: DataLoader<string, JointMeetingRecord | null>;
  readonly actionItems: DataLoader<string, ActionItemRecord | null>;
  readonly actionItemsOfMeeting: DataLoader<string, readonly ActionItemRecord[]>;
  readonly patrolProposals: DataLoader<string, PatrolProposalRecord | null>;
  readonly partnersOfProposal: DataLoader<string, readonly PatrolPartnerRecord[]>;
  readonly patrolOfProposal: DataLoader<string, CooperationPatrolRecord | null>;
  readonly caseProposals: DataLoader<string, JointCaseProposalRecord | null>;
  readonly partnersOfCaseProposal: DataLoader<string, readonly JointCasePartnerRecord[]>;
}

export function createCooperationContext(
  store: CooperationStore, directory: RegionDirectory, resources: ResourceDirectory, now: () => number,
): CooperationContext {
  return {
    store,
    directory,
    resources,
    now,
    incidents: new DataLoader((ids) => store.incidentsByIds(ids)),
    notices: new DataLoader((ids) => store.noticesByIds(ids)),
    noticesOfIncident: new DataLoader((ids) => store.noticesOfIncidents(ids)),
    reportsOfIncident: new DataLoader((ids) => store.reportsOfIncidents(ids)),
    history: new DataLoader((ids) => store.historyOf(ids)),
    bulletins: new DataLoader((ids) => store.bulletinsByIds(ids)),
    recipientsOfBulletin: new DataLoader((ids) => store.recipientsOfBulletins(ids)),
    resourceRequests: new DataLoader((ids) => store.resourceRequestsByIds(ids)),
    jointMeetings: new DataLoader((ids) => store.jointMeetingsByIds(ids)),
    actionItems: new DataLoader((ids) => store.actionItemsByIds(ids)),
    actionItemsOfMeeting: new DataLoader((ids) => store.actionItemsOfMeetings(ids)),
    patrolProposals: new DataLoader((ids) => store.patrolProposalsByIds(ids)),
    partnersOfProposal: new DataLoader((ids) => store.partnersOfProposals(ids)),
    patrolOfProposal: new DataLoader((ids) => store.patrolsOfProposals(ids)),
    caseProposals: new DataLoader((ids) => store.caseProposalsByIds(ids)),
    partnersOfCaseProposal: new DataLoader((ids) => store.partnersOfCaseProposals(ids)),
  };
}
