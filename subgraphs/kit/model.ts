/**
 * The records that a bureau's adapter hands to the kit: the contract's types with references kept as
 * keys (city codes, river ids, credit codes, station ids) and times as epoch milliseconds, so that sort
 * keys compare as numbers everywhere. Property names equal the contract's field names wherever the
 * field exists, because `@cityFanout(sort: "…")` names a field and the kit reads the sort key off the
 * record by that name.
 */

/** GB/T 2260 administrative division code, e.g. '510900' 遂宁市. */
export type CityCode = string;
/** Epoch milliseconds (UTC). Rendered as ISO 8601 with +08:00 at the GraphQL edge. */
export type EpochMs = number;
/** ISO 8601 calendar date, 'YYYY-MM-DD', China Standard Time. */
export type IsoDate = string;

export interface GeoPoint {
  readonly longitude: number;
  readonly latitude: number;
}

export type ProjectCategory =
  | 'WASTEWATER_TREATMENT' | 'RIVER_REGULATION' | 'HYDROPOWER_NAVIGATION' | 'ECOLOGICAL_RESTORATION'
  | 'AIR_POLLUTION_CONTROL' | 'SOLID_WASTE' | 'MONITORING_CAPACITY';
export type ProjectStatus = 'PLANNED' | 'APPROVED' | 'UNDER_CONSTRUCTION' | 'COMPLETED' | 'SUSPENDED';
export type EiaDocumentType = 'REPORT_BOOK' | 'REPORT_FORM' | 'REGISTRATION_FORM';
export type EiaStatus = 'NOT_STARTED' | 'PREPARING' | 'SUBMITTED' | 'PUBLIC_COMMENT' | 'APPROVED' | 'REJECTED';

export interface EiaRecord {
  readonly documentType: EiaDocumentType;
  readonly status: EiaStatus;
  readonly authority: string;
  readonly approvalNumber: string | null;
  readonly submittedOn: IsoDate | null;
  readonly approvedOn: IsoDate | null;
}

export interface ProjectRecord {
  readonly id: string;
  readonly cityCode: CityCode;
  readonly code: string;
  readonly name: string;
  readonly category: ProjectCategory;
  readonly status: ProjectStatus;
  readonly jointlyPlanned: boolean;
  readonly partnerCityCodes: readonly CityCode[];
  readonly riverIds: readonly string[];
  readonly investmentWanYuan: number;
  readonly progressPercent: number;
  readonly plannedStart: IsoDate | null;
  readonly plannedCompletion: IsoDate | null;
  readonly description: string;
  readonly location: GeoPoint | null;
  readonly eia: EiaRecord | null;
  readonly updatedAt: EpochMs;
}

export type StationKind = 'WATER_QUALITY' | 'AIR_QUALITY' | 'POLLUTION_SOURCE';
export type DataFlag = 'N' | 'F' | 'M' | 'S' | 'D' | 'C' | 'T' | 'B';
export type ReadingInterval = 'REALTIME' | 'MINUTE' | 'HOURLY' | 'DAILY' | 'FOUR_HOURLY';

/** A factor a station measures; the unit is the station's, never derived from the code. */
export interface FactorRecord {
  /** HJ 212 factor code, e.g. 'w21003'. */
  readonly code: string;
  readonly name: string;
  readonly unit: string;
}

export interface StationRecord {
  readonly id: string;
  readonly cityCode: CityCode;
  /** HJ 212 MN. */
  readonly code: string;
  readonly name: string;
  readonly kind: StationKind;
  readonly riverId: string | null;
  readonly location: GeoPoint;
  readonly address: string;
  readonly enterpriseCreditCode: string | null;
  readonly sharedWithCityCodes: readonly CityCode[];
  readonly protocolVersion: string;
  readonly operating: boolean;
  /** The reporting interval of its regular series. */
  readonly interval: ReadingInterval;
  readonly factors: readonly FactorRecord[];
  /**
   * A water station's target class, when the bureau's system records it. The target belongs to the
   * section (the region's data); no adapter supplies it yet, so alarms fall back to class III.
   */
  readonly targetClass?: WaterClass;
}

export interface ReadingValueRecord {
  readonly code: string;
  readonly value: number | null;
  readonly flag: DataFlag;
}

export interface ReadingRecord {
  readonly stationId: string;
  readonly time: EpochMs;
  readonly interval: ReadingInterval;
  readonly values: readonly ReadingValueRecord[];
}

export type CaseStatus =
  | 'REGISTERED' | 'INVESTIGATING' | 'REVIEWING' | 'NOTIFIED' | 'LEGAL_REVIEW' | 'DECIDED' | 'EXECUTING'
  | 'CLOSED' | 'NOT_REGISTERED' | 'TRANSFERRED' | 'REVOKED';
export type CaseProcedure = 'GENERAL' | 'SIMPLIFIED';
export type CaseSource = 'ONSITE_INSPECTION' | 'ONLINE_MONITORING' | 'COMPLAINT' | 'TRANSFER' | 'JOINT_ENFORCEMENT';
export type PenaltyType =
  | 'WARNING' | 'FINE' | 'CONFISCATION' | 'SUSPEND_PRODUCTION' | 'LIMIT_PRODUCTION' | 'CLOSURE' | 'DAILY_PENALTY' | 'SEIZURE';
export type EvidenceType =
  | 'INSPECTION_RECORD' | 'INTERVIEW_RECORD' | 'MONITORING_REPORT' | 'AUTOMATIC_MONITORING_DATA' | 'ELECTRONIC_DATA'
  | 'EXAMINATION_RECORD' | 'AUDIO_VISUAL';
export type JointMode = 'JOINT' | 'CROSS' | 'ASSISTANCE';

/** A provision of a law as in force in one version; article numbers move between versions. */
export interface LegalProvisionRecord {
  readonly law: string;
  readonly version: string;
  readonly article: string;
  readonly item: string | null;
}

export interface JointActionRecord {
  readonly name: string;
  readonly mode: JointMode;
  readonly leadCityCodes: readonly CityCode[];
  readonly participantCityCodes: readonly CityCode[];
  readonly riverIds: readonly string[];
}

export interface CaseDatesRecord {
  readonly informedAt: EpochMs | null;
  readonly hearingRequestedAt: EpochMs | null;
  readonly decidedAt: EpochMs | null;
  readonly servedAt: EpochMs | null;
  readonly executedAt: EpochMs | null;
  readonly closedAt: EpochMs | null;
}

export interface CaseRecord {
  readonly id: string;
  readonly cityCode: CityCode;
  readonly caseNumber: string;
  readonly agency: string;
  readonly enterpriseCreditCode: string;
  readonly partyName: string;
  readonly permitNumber: string | null;
  readonly cause: string;
  readonly violationFacts: string;
  readonly violatedProvisions: readonly LegalProvisionRecord[];
  readonly penaltyBasis: readonly LegalProvisionRecord[];
  readonly penaltyTypes: readonly PenaltyType[];
  readonly fineYuan: number | null;
  readonly procedure: CaseProcedure;
  readonly status: CaseStatus;
  readonly source: CaseSource;
  readonly filedAt: EpochMs;
  readonly dates: CaseDatesRecord;
  readonly evidence: readonly { readonly type: EvidenceType; readonly reference: string }[];
  readonly stationId: string | null;
  readonly riverId: string | null;
  readonly joint: boolean;
  readonly jointPartnerCityCodes: readonly CityCode[];
  readonly jointAction: JointActionRecord | null;
  readonly published: boolean;
}

export interface JointPatrolRecord {
  readonly id: string;
  readonly cityCode: CityCode;
  readonly name: string;
  readonly mode: JointMode;
  readonly riverId: string;
  readonly partnerCityCodes: readonly CityCode[];
  readonly startedAt: EpochMs;
  readonly endedAt: EpochMs | null;
  readonly reach: string;
  readonly participants: number;
  readonly problemsFound: number;
  readonly findings: readonly string[];
  /** Per bureau, the organiser first: only patrols made from a joint patrol proposal (the cooperation store) have it. */
  readonly participantsByBureau?: readonly BureauParticipantsRecord[] | null;
  /** Route points in patrol order. @default none recorded */
  readonly route?: readonly GeoPoint[];
  /** The organiser's proposal this patrol was made from. @default none (a record of the bureau's own system) */
  readonly proposalId?: string | null;
}

export interface BureauParticipantsRecord {
  readonly cityCode: CityCode;
  readonly participants: number;
}

export type ResourceCategory =
  | 'SOURCE_CUTOFF' | 'CONTAINMENT' | 'COLLECTION' | 'TREATMENT' | 'PERSONAL_PROTECTION' | 'COMMUNICATION_COMMAND'
  | 'MONITORING';
export type ResourceKind = 'MATERIAL' | 'EQUIPMENT' | 'TEAM' | 'EXPERT';
export type ResourceStatus = 'AVAILABLE' | 'IN_USE' | 'MAINTENANCE' | 'EXPIRED';

export interface DepotRecord {
  readonly code: string;
  readonly name: string;
  readonly ownerType: 'GOVERNMENT' | 'ENTERPRISE';
  readonly storageMode: 'SELF' | 'ON_BEHALF' | 'CONTRACT';
  readonly address: string;
  readonly location: GeoPoint;
}

export interface ResourceRecord {
  readonly id: string;
  readonly cityCode: CityCode;
  readonly name: string;
  readonly category: ResourceCategory;
  readonly kind: ResourceKind;
  readonly specification: string;
  readonly quantity: number;
  readonly unit: string;
  readonly managingUnit: string;
  readonly depot: DepotRecord | null;
  readonly location: GeoPoint;
  readonly expiresOn: IsoDate | null;
  readonly status: ResourceStatus;
  readonly contact: { readonly person: string; readonly phone: string } | null;
  /** Set only when a list was asked for `near` a point: great-circle km, rounded to metres. */
  readonly distanceKm?: number;
}

// ── Region reference data ────────────────────────────────────────────────────────────────────────

export interface CityRecord {
  readonly code: CityCode;
  readonly name: string;
  readonly nameEn: string;
  readonly province: 'CHONGQING' | 'SICHUAN';
  readonly kind: 'MUNICIPALITY' | 'DISTRICT' | 'PREFECTURE_CITY';
  readonly bureauName: string;
  readonly location: GeoPoint;
}

export interface RiverRecord {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly basin: string;
  readonly lengthKm: number;
  readonly cityCodes: readonly CityCode[];
}

export type WaterClass = 'I' | 'II' | 'III' | 'IV' | 'V' | 'WORSE_THAN_V';

export interface SectionRecord {
  readonly id: string;
  readonly name: string;
  readonly riverId: string;
  readonly controlLevel: 'NATIONAL' | 'PROVINCIAL' | 'MUNICIPAL';
  readonly boundaryType: 'PROVINCIAL' | 'MUNICIPAL' | 'COUNTY' | 'NONE';
  readonly upstreamCityCode: CityCode | null;
  readonly downstreamCityCode: CityCode | null;
  readonly targetClass: WaterClass;
  /** The section's water station, as its owning city's key. */
  readonly station: { readonly cityCode: CityCode; readonly id: string } | null;
  readonly location: GeoPoint;
}

export interface PositiveListEntryRecord {
  readonly cityCode: CityCode;
  readonly listType: string;
  readonly admittedOn: IsoDate;
  readonly criteriaMet: readonly string[];
  readonly hasNetworkedCems: boolean;
  readonly lastOnsiteCheck: IsoDate | null;
  readonly removedOn: IsoDate | null;
  readonly removalReason: string | null;
}

export interface EnterpriseRecord {
  /** GB 32100-2015 unified social credit code, 18 characters with a valid check character. */
  readonly creditCode: string;
  readonly name: string;
  readonly industry: string;
  readonly cityCode: CityCode;
  readonly address: string;
  readonly location: GeoPoint;
  readonly positiveList: PositiveListEntryRecord | null;
}
