/**
 * What every write of the cooperation store does inside its transaction besides its own rows: the audit
 * entry and the outbox message to another bureau (SqlCooperationStore.ts, SqlJointEnforcement.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { RelayMessageBody } from '../../../schema/cooperation/relayMessages.ts';
import type { Actor, WriteMeta } from '../../kit/cooperation/CooperationStore.ts';
import type { CityCode, EpochMs } from '../../kit/model.ts';
import { toJson, toNumber } from './jsonColumn.ts';

export type Trx = Transaction<any>;

/** Who a relayed change is recorded as: the sending bureau's system. */
export function relayActor(bureau: CityCode): Actor {
  return { sub: `bureau:${bureau}`, bureau };
}

export async function audit(trx: Trx, entityId: string, meta: Pick<WriteMeta, 'actor' | 'requestId' | 'now'>, action: string, changes: unknown): Promise<void> {
  await trx.insertInto('coop_history').values({
    id: randomUUID(), entity_id: entityId, at: meta.now, actor_sub: meta.actor.sub, actor_bureau: meta.actor.bureau,
    request_id: meta.requestId, action, changes_json: toJson(changes),
  }).execute();
}

/** Queues a message for `recipient` as the next in that pair's order. */
export async function enqueue(trx: Trx, recipient: CityCode, now: EpochMs, body: RelayMessageBody): Promise<void> {
  const last = await trx.selectFrom('coop_outbox').select((eb) => eb.fn.max('sequence').as('last'))
    .where('recipient', '=', recipient).executeTakeFirst();
  await trx.insertInto('coop_outbox').values({
    message_id: randomUUID(), recipient, sequence: toNumber(last?.['last'] ?? 0) + 1, body_json: toJson(body), created_at: now, delivered_at: null,
  }).execute();
}
