import type { Kysely } from 'kysely';
import { separateExpertPerson } from '../../../kit/separateExpertPerson.ts';
import { resourceToRow, rowToResource } from '../resourceRows.ts';
import type { BureauDatabase } from '../schema.ts';

/**
 * Migration 0002: stores written before it name an expert resource by the person, which
 * `emergency:read` (and the name search) would reveal. Each expert row gets its speciality's label
 * as its name and keeps the person only in its contact (subgraphs/kit/separateExpertPerson.ts).
 * Row by row through Kysely, so every dialect runs the same statements; a roster is small.
 */
export async function separateExpertPersons(db: Kysely<any>): Promise<void> {
  const store = db as Kysely<BureauDatabase>;
  const experts = await store.selectFrom('resources').selectAll().where('kind', '=', 'EXPERT').execute();
  for (const row of experts) {
    const separated = resourceToRow(separateExpertPerson(rowToResource(row)));
    if (separated.name === row.name && separated.contact_json === row.contact_json) continue;
    await store.updateTable('resources').set({ name: separated.name, contact_json: separated.contact_json })
      .where('id', '=', row.id).execute();
  }
}
