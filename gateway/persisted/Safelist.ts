/**
 * The safelist (ECOGRAPH_SAFELIST): the only documents the gateway runs, from a persisted query
 * manifest in Apollo's format (what `generate-persisted-query-manifest` writes for a front end):
 *   { "format": "apollo-persisted-query-manifest", "version": 1,
 *     "operations": [{ "id": "<sha256 of body>", "name": "…", "type": "query", "body": "query … { … }" }] }
 * A document is on the list when the SHA-256 of its text is an id, whether the client sends the
 * text or only the hash (automatic persisted queries).
 */
import { createHash } from 'node:crypto';
import { parse } from 'graphql';
import { z } from 'zod';

export const safelistManifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(z.object({
    id: z.string().regex(/^[0-9a-f]{64}$/, 'must be the lowercase hex SHA-256 of body'),
    name: z.string().min(1),
    type: z.enum(['query', 'mutation', 'subscription']),
    body: z.string().min(1),
  }).strict()),
}).strict();

export type SafelistManifest = z.infer<typeof safelistManifestSchema>;
export type SafelistOperation = SafelistManifest['operations'][number];

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class Safelist {
  readonly #byId: ReadonlyMap<string, SafelistOperation>;

  /** Checks what can be checked without the schema; the message names the operation. */
  constructor(readonly operations: readonly SafelistOperation[], fail: (message: string) => Error) {
    const byId = new Map<string, SafelistOperation>();
    for (const operation of operations) {
      const where = `operation "${operation.name}"`;
      if (sha256Hex(operation.body) !== operation.id) {
        throw fail(`${where}: id ${operation.id} is not the SHA-256 of its body (that is ${sha256Hex(operation.body)}).`);
      }
      try {
        parse(operation.body);
      } catch (error) {
        throw fail(`${where}: its body does not parse: ${(error as Error).message}`);
      }
      byId.set(operation.id, operation);
    }
    this.#byId = byId;
  }

  /** The registered operation whose body hashes to `sha256`, if any. */
  get(sha256: string): SafelistOperation | undefined {
    return this.#byId.get(sha256);
  }
}
