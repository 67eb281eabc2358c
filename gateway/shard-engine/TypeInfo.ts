import type { ConstValueNode } from 'graphql';

/** One field of a contract type, as far as the engine cares. */
export interface FieldInfo {
  /** The named type, wrappers (list, non-null) removed. */
  readonly type: string;
  readonly argumentDefaults: ReadonlyMap<string, ConstValueNode>;
}

/** One type of the contract, with its extensions folded in. */
export interface TypeInfo {
  readonly name: string;
  readonly fields: Map<string, FieldInfo>;
  /** Interfaces an object implements, and unions it belongs to: where its fragments apply. */
  readonly supertypes: Set<string>;
  /** Top-level field names of each resolvable `@key(fields: ...)` (Federation subgraph spec). */
  readonly keys: string[][];
}
