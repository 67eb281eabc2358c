import type { CreateTableBuilder, Kysely } from 'kysely';
import type { MigrationSet } from './MigrationSet.ts';
import { PORTABLE_COLUMN_TYPES, type ColumnTypes } from './columnTypes.ts';
import { createEventLogTables } from './eventLogMigration.ts';

/** coop_history's columns after its key (0001 keys it by `id`, 0007 by `seq`): one audit entry each. */
function withHistoryColumns(table: CreateTableBuilder<string, never>, types: ColumnTypes): CreateTableBuilder<string, never> {
  return table
    .addColumn('entity_id', types.key, (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_sub', types.text, (c) => c.notNull())
    .addColumn('actor_bureau', types.code, (c) => c.notNull())
    .addColumn('request_id', types.text, (c) => c.notNull())
    .addColumn('action', types.code, (c) => c.notNull())
    .addColumn('changes_json', types.text, (c) => c.notNull());
}

/*
 * The cooperation store (subgraphs/kit/cooperation/CooperationStore.ts): its own migration set, so it
 * sits beside a bureau's tables (SQLite, PostgreSQL, MariaDB) or alone in an embedded SQLite file (the
 * spreadsheet and legacy-HTTP bureaus). Nothing is ever deleted from these tables. The unique keys are
 * what makes writes exactly-once under concurrency: coop_idempotency.idem_key (one write per key),
 * coop_outbox (recipient, sequence) (one message per place in a pair's order), coop_incident_reports
 * (incident_id, sequence) (one report per place) and coop_inbox.message_id (one application per message).
 */
async function createCooperationTables(db: Kysely<any>, types: ColumnTypes): Promise<void> {
  await db.schema.createTable('coop_idempotency')
    .addColumn('idem_key', types.key, (c) => c.primaryKey())
    .addColumn('fingerprint', types.code, (c) => c.notNull())
    .addColumn('result_id', types.key, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema.createTable('coop_incidents')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('city_code', types.code, (c) => c.notNull())
    .addColumn('title', types.text, (c) => c.notNull())
    .addColumn('description', types.text, (c) => c.notNull())
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('river_id', types.key)
    .addColumn('section_id', types.key)
    .addColumn('pollutants_json', types.text, (c) => c.notNull())
    .addColumn('facts_json', types.text, (c) => c.notNull())
    .addColumn('status', types.code, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coop_incidents_occurred_at_id').on('coop_incidents').columns(['occurred_at desc', 'id']).execute();

  await db.schema.createTable('coop_incident_reports')
    .addColumn('incident_id', types.key, (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('kind', types.code, (c) => c.notNull())
    .addColumn('text', types.text, (c) => c.notNull())
    .addColumn('reported_at', 'bigint', (c) => c.notNull())
    .addColumn('author_sub', types.text, (c) => c.notNull())
    .addColumn('author_bureau', types.code, (c) => c.notNull())
    .addPrimaryKeyConstraint('coop_incident_reports_pk', ['incident_id', 'sequence'])
    .execute();

  await db.schema.createTable('coop_notices')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('direction', types.code, (c) => c.notNull())
    .addColumn('incident_id', types.key, (c) => c.notNull())
    .addColumn('incident_title', types.text, (c) => c.notNull())
    .addColumn('sender', types.code, (c) => c.notNull())
    .addColumn('recipient', types.code, (c) => c.notNull())
    .addColumn('remote_notice_id', types.key)
    .addColumn('state', types.code, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('ack_sub', types.text)
    .addColumn('ack_bureau', types.code)
    .execute();
  await db.schema.createIndex('coop_notices_incident').on('coop_notices').columns(['incident_id', 'recipient']).execute();
  await db.schema.createIndex('coop_notices_inbox').on('coop_notices').columns(['direction', 'created_at desc', 'id']).execute();

  await withHistoryColumns(db.schema.createTable('coop_history')
    .addColumn('id', types.key, (c) => c.primaryKey()), types)
    .execute();
  await db.schema.createIndex('coop_history_entity').on('coop_history').columns(['entity_id', 'at', 'id']).execute();

  await db.schema.createTable('coop_outbox')
    .addColumn('message_id', types.key, (c) => c.primaryKey())
    .addColumn('recipient', types.code, (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('body_json', types.text, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .addUniqueConstraint('coop_outbox_pair_sequence', ['recipient', 'sequence'])
    .execute();
  await db.schema.createIndex('coop_outbox_pending').on('coop_outbox').columns(['delivered_at', 'recipient', 'sequence']).execute();

  await db.schema.createTable('coop_inbox')
    .addColumn('message_id', types.key, (c) => c.primaryKey())
    .addColumn('sender', types.code, (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('coop_inbox_pair_sequence', ['sender', 'sequence'])
    .execute();
}

/*
 * Bulletins (应急信息): one row per copy (the sender's, and each recipient's inbox copy), and one row
 * per (bulletin, recipient) for delivery and reading; (bulletin_id, recipient) is unique.
 */
async function createBulletinTables(db: Kysely<any>, types: ColumnTypes): Promise<void> {
  await db.schema.createTable('coop_bulletins')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('direction', types.code, (c) => c.notNull())
    .addColumn('sender', types.code, (c) => c.notNull())
    .addColumn('category', types.code, (c) => c.notNull())
    .addColumn('title', types.text, (c) => c.notNull())
    .addColumn('body', types.text, (c) => c.notNull())
    .addColumn('incident_id', types.key)
    .addColumn('remote_bulletin_id', types.key)
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coop_bulletins_list').on('coop_bulletins').columns(['direction', 'created_at desc', 'id']).execute();

  await db.schema.createTable('coop_bulletin_recipients')
    .addColumn('bulletin_id', types.key, (c) => c.notNull())
    .addColumn('recipient', types.code, (c) => c.notNull())
    .addColumn('state', types.code, (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .addColumn('read_at', 'bigint')
    .addColumn('read_sub', types.text)
    .addColumn('read_bureau', types.code)
    .addPrimaryKeyConstraint('coop_bulletin_recipients_pk', ['bulletin_id', 'recipient'])
    .execute();
}

/*
 * Resource requests (应急资源调用): one row per copy (the requester's SENT, the responder's RECEIVED),
 * each carrying the state both sides see.
 */
async function createResourceRequestTables(db: Kysely<any>, types: ColumnTypes): Promise<void> {
  await db.schema.createTable('coop_resource_requests')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('direction', types.code, (c) => c.notNull())
    .addColumn('requester', types.code, (c) => c.notNull())
    .addColumn('responder', types.code, (c) => c.notNull())
    .addColumn('remote_request_id', types.key)
    .addColumn('incident_id', types.key)
    .addColumn('items_json', types.text, (c) => c.notNull())
    .addColumn('note', types.text, (c) => c.notNull())
    .addColumn('state', types.code, (c) => c.notNull())
    .addColumn('reason', types.text)
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coop_resource_requests_list').on('coop_resource_requests').columns(['direction', 'created_at desc', 'id']).execute();
}

/*
 * Joint meetings (联席会议、会商) at their convener, and their action items: one row per copy (the
 * convener's SENT, the assignee's RECEIVED), each carrying the status both sides see.
 */
async function createJointMeetingTables(db: Kysely<any>, types: ColumnTypes): Promise<void> {
  await db.schema.createTable('coop_meetings')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('convener', types.code, (c) => c.notNull())
    .addColumn('kind', types.code, (c) => c.notNull())
    .addColumn('title', types.text, (c) => c.notNull())
    .addColumn('held_at', 'bigint', (c) => c.notNull())
    .addColumn('present_json', types.text, (c) => c.notNull())
    .addColumn('topics_json', types.text, (c) => c.notNull())
    .addColumn('decisions_json', types.text, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coop_meetings_held_at_id').on('coop_meetings').columns(['held_at desc', 'id']).execute();

  await db.schema.createTable('coop_action_items')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('direction', types.code, (c) => c.notNull())
    .addColumn('meeting_id', types.key, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('meeting_title', types.text, (c) => c.notNull())
    .addColumn('convener', types.code, (c) => c.notNull())
    .addColumn('assignee', types.code, (c) => c.notNull())
    .addColumn('remote_item_id', types.key)
    .addColumn('description', types.text, (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('status', types.code, (c) => c.notNull())
    .addColumn('note', types.text)
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coop_action_items_due').on('coop_action_items').columns(['direction', 'due_at', 'id']).execute();
  await db.schema.createIndex('coop_action_items_meeting').on('coop_action_items').columns(['meeting_id', 'position']).execute();
}

/**
 * One row per partner of a proposal (joint patrols, joint cases) with its answer; `extra` adds the kind's own
 * columns before the note, where the patrol partners' table has always had its participants.
 */
async function createPartnerTable(
  db: Kysely<any>, types: ColumnTypes, table: string, extra: (builder: CreateTableBuilder<string, string>) => CreateTableBuilder<string, string> = (b) => b,
): Promise<void> {
  await extra(db.schema.createTable(table)
    .addColumn('proposal_id', types.key, (c) => c.notNull())
    .addColumn('partner', types.code, (c) => c.notNull())
    .addColumn('state', types.code, (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .addColumn('responded_at', 'bigint')
    .addColumn('responded_sub', types.text)
    .addColumn('responded_bureau', types.code))
    .addColumn('note', types.text)
    .addPrimaryKeyConstraint(`${table}_pk`, ['proposal_id', 'partner'])
    .execute();
}

/*
 * Joint patrol proposals (联合巡河提议): one row per copy (the proposer's SENT, each partner's RECEIVED),
 * and one row per partner with its answer (a RECEIVED copy has only its own).
 */
async function createPatrolProposalTables(db: Kysely<any>, types: ColumnTypes): Promise<void> {
  await db.schema.createTable('coop_patrol_proposals')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('direction', types.code, (c) => c.notNull())
    .addColumn('proposer', types.code, (c) => c.notNull())
    .addColumn('name', types.text, (c) => c.notNull())
    .addColumn('mode', types.code, (c) => c.notNull())
    .addColumn('river_id', types.key, (c) => c.notNull())
    .addColumn('reach', types.text, (c) => c.notNull())
    .addColumn('planned_start_at', 'bigint', (c) => c.notNull())
    .addColumn('note', types.text, (c) => c.notNull())
    .addColumn('remote_proposal_id', types.key)
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coop_patrol_proposals_list').on('coop_patrol_proposals').columns(['direction', 'created_at desc', 'id']).execute();

  await createPartnerTable(db, types, 'coop_patrol_partners', (table) => table.addColumn('participants', 'integer'));
}

/*
 * Joint enforcement (联合执法、交叉巡河): the proposer's own participants on its patrol proposals; the
 * JointPatrol records made from proposals (the organiser's SENT record, and each confirmed partner's RECEIVED
 * copy of it under the same id, keyed by the copy of the proposal it belongs to); joint case proposals, one row
 * per copy, and one row per partner with its answer.
 */
async function createJointEnforcementTables(db: Kysely<any>, types: ColumnTypes): Promise<void> {
  await db.schema.alterTable('coop_patrol_proposals').addColumn('participants', 'integer').execute();

  await db.schema.createTable('coop_joint_patrols')
    .addColumn('id', types.key, (c) => c.notNull())
    .addColumn('direction', types.code, (c) => c.notNull())
    .addColumn('copy_proposal_id', types.key, (c) => c.notNull().unique())
    .addColumn('proposal_id', types.key, (c) => c.notNull())
    .addColumn('organiser', types.code, (c) => c.notNull())
    .addColumn('name', types.text, (c) => c.notNull())
    .addColumn('mode', types.code, (c) => c.notNull())
    .addColumn('river_id', types.key, (c) => c.notNull())
    .addColumn('reach', types.text, (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('participants_json', types.text, (c) => c.notNull())
    .addColumn('findings_json', types.text, (c) => c.notNull())
    .addColumn('route_json', types.text, (c) => c.notNull())
    .addColumn('recorded_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('coop_joint_patrols_pk', ['id', 'direction'])
    .execute();
  await db.schema.createIndex('coop_joint_patrols_list').on('coop_joint_patrols').columns(['direction', 'started_at desc', 'id']).execute();

  await db.schema.createTable('coop_case_proposals')
    .addColumn('id', types.key, (c) => c.primaryKey())
    .addColumn('direction', types.code, (c) => c.notNull())
    .addColumn('proposer', types.code, (c) => c.notNull())
    .addColumn('title', types.text, (c) => c.notNull())
    .addColumn('credit_code', types.code, (c) => c.notNull())
    .addColumn('mode', types.code, (c) => c.notNull())
    .addColumn('proposed_for', 'bigint', (c) => c.notNull())
    .addColumn('note', types.text, (c) => c.notNull())
    .addColumn('remote_proposal_id', types.key)
    .addColumn('case_id', types.key)
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coop_case_proposals_list').on('coop_case_proposals').columns(['direction', 'created_at desc', 'id']).execute();

  await createPartnerTable(db, types, 'coop_case_partners');
}

/*
 * The audit trail in the order it was written: `seq`, assigned by the store on insert, ascending. Before,
 * entries of one record written in the same millisecond (a relayed message applied in the instant of a
 * local write, two changes of one transaction) came back in the order of their random ids. The table is
 * rebuilt (SQLite cannot add an auto-increment column), the existing entries copied in their former
 * order (at, id), so what was read before reads the same. On MySQL the copy is not atomic (DDL commits):
 * a failure halfway leaves coop_history_v2 beside the intact coop_history, for a DBA to drop.
 */
async function sequenceHistory(db: Kysely<any>, types: ColumnTypes): Promise<void> {
  await withHistoryColumns(db.schema.createTable('coop_history_v2')
    .addColumn('seq', types.serial.type, (c) => (types.serial.autoIncrement ? c.autoIncrement() : c).primaryKey())
    .addColumn('id', types.key, (c) => c.notNull().unique()), types)
    .execute();
  const columns = ['id', 'entity_id', 'at', 'actor_sub', 'actor_bureau', 'request_id', 'action', 'changes_json'] as const;
  // INSERT … SELECT … ORDER BY numbers the copied rows in that order (MySQL documents it; SQLite and Postgres do it).
  await db.insertInto('coop_history_v2').columns(columns)
    .expression(db.selectFrom('coop_history').select(columns).orderBy('at').orderBy('id'))
    .execute();
  await db.schema.dropTable('coop_history').execute();
  await db.schema.alterTable('coop_history_v2').renameTo('coop_history').execute();
  await db.schema.createIndex('coop_history_entity_seq').on('coop_history').columns(['entity_id', 'seq']).execute();
}

export function cooperationMigrationsFor(types: ColumnTypes): MigrationSet {
  return {
    name: 'cooperation',
    migrations: {
      '0001_incidents_notices_outbox': { up: (db) => createCooperationTables(db, types) },
      '0002_bulletins': { up: (db) => createBulletinTables(db, types) },
      '0003_resource_requests': { up: (db) => createResourceRequestTables(db, types) },
      '0004_joint_meetings': { up: (db) => createJointMeetingTables(db, types) },
      '0005_patrol_proposals': { up: (db) => createPatrolProposalTables(db, types) },
      '0006_joint_enforcement': { up: (db) => createJointEnforcementTables(db, types) },
      '0007_history_sequence': { up: (db) => sequenceHistory(db, types) },
      // The event log of the bureau's feeds (issue 12), beside its cooperation records: eventLogMigration.ts.
      '0008_event_log': { up: (db) => createEventLogTables(db, types) },
    },
  };
}

/** The embedded store's cooperation migrations. */
export const cooperationMigrations: MigrationSet = cooperationMigrationsFor(PORTABLE_COLUMN_TYPES);
