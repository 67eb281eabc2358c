/**
 * The shape of every fan-out connection in the contract (Relay Cursor Connections: edges { cursor
 * node }, pageInfo, plus our totalCount), checked at startup so that merging never meets a surprise.
 */
import { Kind, parse, type ConstValueNode, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import { ContractError, type ShardingPolicy, type SortDirection, type SortSpec } from '../../schema/shardingPolicies.ts';
import type { TypeInfo } from './TypeInfo.ts';

/** How two sort values compare: DateTime as instants, Int/Float as numbers, anything else by code units. */
export type SortKind = 'instant' | 'number' | 'string';

export interface SortKey {
  readonly field: string;
  readonly direction: SortDirection;
  readonly kind: SortKind;
  /** The hidden alias under which the engine asks each bureau for this sort value. */
  readonly alias: string;
  /** `"filedAt DESC"`: what a composite cursor records, so a cursor of another order is refused. */
  readonly text: string;
}

export interface ConnectionInfo {
  readonly field: string;
  readonly connectionType: string;
  readonly edgeType: string;
  readonly pageInfoType: string;
  readonly nodeType: string;
  readonly sort: SortKey;
  readonly sortWhen: { readonly argument: string; readonly sort: SortKey } | null;
  /** The contract's default for `first` (20 in every list of the contract). */
  readonly defaultFirst: number;
  /** Selections the engine adds to the connection to merge it, under `__shard_` aliases. */
  readonly hidden: readonly SelectionNode[];
}

/** Aliases of the selections the engine adds; clients never see them. */
export const HIDDEN = {
  prefix: '__shard_',
  edges: '__shard_edges',
  cursor: '__shard_cursor',
  node: '__shard_node',
  id: '__shard_id',
  sort: '__shard_sort',
  sortWhen: '__shard_sortWhen',
  pageInfo: '__shard_pageInfo',
  totalCount: '__shard_totalCount',
} as const;

export function readConnections(
  policies: ReadonlyMap<string, ShardingPolicy>,
  types: ReadonlyMap<string, TypeInfo>,
): ReadonlyMap<string, ConnectionInfo> {
  const connections = new Map<string, ConnectionInfo>();
  const query = types.get('Query');
  for (const [field, policy] of policies) {
    if (policy.kind !== 'fanout' || policy.merge !== 'CONNECTION') continue;
    const where = `Query.${field}`;
    const def = query?.fields.get(field);
    if (!def) throw new ContractError(`${where}: a fan-out connection must be a Query field.`);
    const connectionType = def.type;
    const edgeType = fieldType(types, connectionType, 'edges', where);
    const pageInfoType = fieldType(types, connectionType, 'pageInfo', where);
    fieldType(types, connectionType, 'totalCount', where);
    fieldType(types, edgeType, 'cursor', where);
    const nodeType = fieldType(types, edgeType, 'node', where);
    fieldType(types, nodeType, 'id', where);
    const sort = sortKey(types, nodeType, policy.sort, HIDDEN.sort, where);
    const sortWhen = policy.sortWhen
      ? { argument: policy.sortWhen.argument, sort: sortKey(types, nodeType, policy.sortWhen.sort, HIDDEN.sortWhen, where) }
      : null;
    connections.set(field, {
      field, connectionType, edgeType, pageInfoType, nodeType, sort, sortWhen,
      defaultFirst: intValue(def.argumentDefaults.get('first')) ?? 20,
      hidden: hiddenSelections(sort, sortWhen?.sort ?? null),
    });
  }
  return connections;
}

function fieldType(types: ReadonlyMap<string, TypeInfo>, type: string, field: string, where: string): string {
  const found = types.get(type)?.fields.get(field);
  if (!found) throw new ContractError(`${where}: type ${type} needs a field "${field}" to be merged as a connection.`);
  return found.type;
}

function sortKey(types: ReadonlyMap<string, TypeInfo>, nodeType: string, sort: SortSpec, alias: string, where: string): SortKey {
  const type = fieldType(types, nodeType, sort.field, where);
  const kind: SortKind = type === 'DateTime' ? 'instant' : type === 'Int' || type === 'Float' ? 'number' : 'string';
  return { field: sort.field, direction: sort.direction, kind, alias, text: `${sort.field} ${sort.direction}` };
}

function intValue(value: ConstValueNode | undefined): number | undefined {
  return value?.kind === Kind.INT ? Number.parseInt(value.value, 10) : undefined;
}

/**
 * Each bureau's own cursor, the node's id and sort value(s), whether it has more, and its count.
 * A separate aliased subtree, so the client's own selections are never touched (and need no stripping).
 */
function hiddenSelections(sort: SortKey, sortWhen: SortKey | null): readonly SelectionNode[] {
  const when = sortWhen ? ` ${HIDDEN.sortWhen}: ${sortWhen.field}` : '';
  const text = `{ ${HIDDEN.edges}: edges { ${HIDDEN.cursor}: cursor ${HIDDEN.node}: node { ${HIDDEN.id}: id ` +
    `${HIDDEN.sort}: ${sort.field}${when} } } ${HIDDEN.pageInfo}: pageInfo { hasNextPage } ${HIDDEN.totalCount}: totalCount }`;
  return (parse(text, { noLocation: true }).definitions[0] as OperationDefinitionNode).selectionSet.selections;
}
