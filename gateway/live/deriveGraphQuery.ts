/**
 * The query a subscription's events are resolved with: for each part of an event the graph answers
 * (a reading's `station`, an alarm's `alarm.station`, a notice's `notice` …), the subscriber's own
 * selection under it, placed under a root field that fetches that record (e.g.
 * `station(cityCode:, id:)`), one aliased root field per response key (aliases and fragments at the
 * event's level are followed with graphql-js's own field collection, `@skip`/`@include` included).
 * The result is one operation run through the gateway's Apollo execution for the subscriber, so
 * access rules, scopes and jurisdiction apply exactly as to a query.
 *
 * The selection keeps the subscriber's aliases, fragments and variables (the variables it uses are
 * declared as the subscription declared them); `__typename` is added to every selection set so
 * abstract types resolve when graphql-js executes the subscriber's selection over the answer.
 */
import {
  Kind, getNamedType, isObjectType, print, visit,
  type FieldNode, type FragmentDefinitionNode, type GraphQLObjectType, type GraphQLResolveInfo,
  type SelectionSetNode, type VariableDefinitionNode,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields.js';

/** One graph-backed field of an event type. */
export interface GraphPart {
  /** Field names from the event type down to the graph-backed field, e.g. ['alarm', 'station']. */
  readonly path: readonly string[];
  /**
   * The root field text around the selection, with `$` variables named by `variable(name)`, e.g.
   * (sel, v) => `station(cityCode: ${v('cityCode')}, id: ${v('stationId')}) ${sel}`.
   */
  readonly root: (selection: string, variable: (name: string) => string) => string;
  /** Where the part's data sits in the root field's answer, below the alias (e.g. ['readings', 0]); [] = the root value itself. */
  readonly inner?: readonly (string | number)[];
}

/** Variables the parts may name, with their GraphQL types. */
export type GraphVariableTypes = Readonly<Record<string, string>>;

export interface GraphQuery {
  /** null when the subscriber selects nothing the graph answers. */
  readonly source: string | null;
  readonly operationName: string;
  /** Response-key path (below the subscription field) → the alias of its root field in the query. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Per alias, what `GraphPart.inner` says. */
  readonly inner: ReadonlyMap<string, readonly (string | number)[]>;
  /** Variable names of the query → the part variable they carry (event values), plus the subscriber's own. */
  readonly variableNames: ReadonlyMap<string, string>;
  /** The subscriber's variables the query uses (coerced values, as graphql-js holds them). */
  readonly subscriberVariables: Readonly<Record<string, unknown>>;
}

/** The key a graph-backed value is found under: response keys joined with '.'. */
export function responsePathKey(keys: readonly string[]): string {
  return keys.join('.');
}

export function deriveGraphQuery(info: GraphQLResolveInfo, parts: readonly GraphPart[], variableTypes: GraphVariableTypes, operationName: string): GraphQuery {
  const prefix = uniquePrefix(info);
  const variableNames = new Map<string, string>();
  const variable = (name: string) => {
    const full = `${prefix}${name}`;
    variableNames.set(full, name);
    return `$${full}`;
  };
  const eventType = getNamedType(info.returnType);
  const rootFields: string[] = [];
  const aliases = new Map<string, string>();
  const inner = new Map<string, readonly (string | number)[]>();
  const usedFragments = new Set<string>();
  const usedVariables = new Set<string>();
  for (const part of parts) {
    if (!isObjectType(eventType)) break;
    for (const [keys, nodes] of walk(info, eventType, info.fieldNodes, part.path)) {
      const alias = `${prefix}${aliases.size}`;
      aliases.set(responsePathKey(keys), alias);
      inner.set(alias, part.inner ?? []);
      const selection = mergeSelections(nodes);
      collectUses(selection, info.fragments, usedFragments, usedVariables);
      rootFields.push(`${alias}: ${part.root(print(withTypename(selection)), variable)}`);
    }
  }
  if (rootFields.length === 0) return { source: null, operationName, aliases, inner, variableNames, subscriberVariables: {} };
  const subscriberDefinitions = (info.operation.variableDefinitions ?? []).filter((d) => usedVariables.has(d.variable.name.value));
  const declarations = [
    ...[...variableNames].map(([full, name]) => `$${full}: ${variableTypes[name]!}`),
    ...subscriberDefinitions.map((d: VariableDefinitionNode) => print(d)),
  ];
  const fragments = [...usedFragments].map((name) => print(withTypename(info.fragments[name]!)));
  const source = [`query ${operationName}(${declarations.join(', ')}) { ${rootFields.join(' ')} }`, ...fragments].join('\n');
  const subscriberVariables = Object.fromEntries(subscriberDefinitions.map((d) => [d.variable.name.value, info.variableValues[d.variable.name.value]]));
  return { source, operationName, aliases, inner, variableNames, subscriberVariables };
}

/** Each response-key path that reaches the part's field, with the field nodes merged there. */
function walk(info: GraphQLResolveInfo, type: GraphQLObjectType, nodes: readonly FieldNode[], path: readonly string[]): Array<[string[], FieldNode[]]> {
  const [name, ...rest] = path;
  const out: Array<[string[], FieldNode[]]> = [];
  const fields = collectSubfields(info.schema, info.fragments, info.variableValues, type, nodes);
  for (const [key, fieldNodes] of fields) {
    if (fieldNodes[0]!.name.value !== name) continue;
    if (rest.length === 0) {
      out.push([[key], [...fieldNodes]]);
      continue;
    }
    const next = getNamedType(type.getFields()[name]!.type);
    if (!isObjectType(next)) continue;
    for (const [keys, found] of walk(info, next, fieldNodes, rest)) out.push([[key, ...keys], found]);
  }
  return out;
}

/** The selection sets of several nodes of one response key, as one (GraphQL merges them the same way). */
function mergeSelections(nodes: readonly FieldNode[]): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: nodes.flatMap((node) => node.selectionSet?.selections ?? []) };
}

function collectUses(node: SelectionSetNode, fragments: Readonly<Record<string, FragmentDefinitionNode>>, usedFragments: Set<string>, usedVariables: Set<string>): void {
  visit(node, {
    Variable: (v) => void usedVariables.add(v.name.value),
    FragmentSpread: (spread) => {
      const name = spread.name.value;
      if (usedFragments.has(name) || !fragments[name]) return;
      usedFragments.add(name);
      collectUses(fragments[name].selectionSet, fragments, usedFragments, usedVariables);
    },
  });
}

/** `__typename` in every selection set that does not already answer that response key. */
function withTypename<T extends SelectionSetNode | FragmentDefinitionNode>(node: T): T {
  return visit(node, {
    SelectionSet: (set) => {
      const taken = set.selections.some((s) => s.kind === Kind.FIELD && (s.alias ?? s.name).value === '__typename');
      if (taken) return undefined;
      return { ...set, selections: [...set.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
    },
  }) as T;
}

/** A name prefix no variable or alias of the subscriber's operation starts with. */
function uniquePrefix(info: GraphQLResolveInfo): string {
  const names = (info.operation.variableDefinitions ?? []).map((d) => d.variable.name.value);
  let prefix = 'live';
  while (names.some((n) => n.startsWith(prefix))) prefix += '_';
  return prefix;
}
