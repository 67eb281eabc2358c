/**
 * What the bench reads beside the gateway to judge delivery: a sender's pending count from its relay
 * route (signed as the gateway, as the relay pulls it), and — to prove nothing was lost, doubled or
 * reordered — the rows of the sender's outbox and the recipient's inbox, read-only from their
 * embedded SQLite stores (the bench starts every bureau on SQLite). The inbox's sequence numbers and
 * both stores' own timestamps are not in the GraphQL schema.
 */
import Database from 'better-sqlite3';
import { dirname, join } from 'node:path';
import { RELAY_ROUTES } from '../../schema/cooperation/relayMessages.ts';
import { loadBureauConfig } from '../../subgraphs/config/loadSubgraphConfig.ts';
import type { BenchTrust } from '../benchTrust.ts';

/** Undelivered messages in `code`'s outbox, all recipients together. */
export async function pendingDeliveries(url: string, code: string, trust: BenchTrust): Promise<number> {
  const res = await fetch(new URL(RELAY_ROUTES.outbox, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...trust.gatewayHeadersFor(code) },
    body: JSON.stringify({ limit: 1 }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as { pendingCount?: unknown };
  if (res.status !== 200 || typeof body.pendingCount !== 'number') throw new Error(`${code}'s outbox answered HTTP ${res.status}`);
  return body.pendingCount;
}

export interface OutboxRow {
  readonly messageId: string;
  readonly sequence: number;
  readonly deliveredAt: number | null;
}

export interface InboxRow {
  readonly messageId: string;
  readonly sequence: number;
  readonly receivedAt: number;
}

/** The sender's outbox rows for one recipient, by sequence. */
export function readOutbox(dataDir: string, sender: string, recipient: string): OutboxRow[] {
  return withStore(dataDir, sender, (db) => db.prepare(
    'SELECT message_id AS messageId, sequence, delivered_at AS deliveredAt FROM coop_outbox WHERE recipient = ? ORDER BY sequence',
  ).all(recipient) as OutboxRow[]);
}

/** The recipient's inbox rows from one sender, in the order they were written (rowid). */
export function readInbox(dataDir: string, recipient: string, sender: string): InboxRow[] {
  return withStore(dataDir, recipient, (db) => db.prepare(
    'SELECT message_id AS messageId, sequence, received_at AS receivedAt FROM coop_inbox WHERE sender = ? ORDER BY rowid',
  ).all(sender) as InboxRow[]);
}

function withStore<T>(dataDir: string, code: string, read: (db: Database.Database) => T): T {
  const db = new Database(cooperationStoreFile(dataDir, code), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** As subgraphs/adapters/openSubgraphSource.ts opens it: the bureau's own SQLite store, or a file beside its data. */
function cooperationStoreFile(dataDir: string, code: string): string {
  const { source, origin } = loadBureauConfig(code, { ECOGRAPH_DATA_DIR: dataDir });
  if (source.kind === 'spreadsheet' || source.kind === 'legacy-http') return join(dirname(source.file), `${origin}-cooperation.sqlite`);
  if (source.kind !== 'sqlite') throw new Error(`bureau ${code} keeps its cooperation store on a ${source.kind} server; the bench reads SQLite only`);
  return source.file;
}
