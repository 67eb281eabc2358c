/**
 * Everything about a planner fetch that does not depend on its variables, computed once per fetch
 * string and cached (the planner sends the same fetch string for every run of a query plan): the
 * operation, its fragments, and each root field as bureaus will receive it, with the variables and
 * fragments it needs.
 */
import {
  GraphQLError, Kind, parse,
  type FieldNode, type FragmentDefinitionNode, type GraphQLFormattedError, type OperationDefinitionNode,
  type SelectionSetNode, type VariableDefinitionNode,
} from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import { collectUsage } from './collectUsage.ts';
import type { ContractIndex } from './indexContract.ts';
import { LruCache } from './LruCache.ts';
import { rewriteRootField } from './rewriteRootField.ts';

/** A root field occurrence, rewritten for the bureaus. */
export interface CityField {
  /** Position among the fetch's root fields: per-bureau documents are cached by these. */
  readonly index: number;
  readonly node: FieldNode;
  /** The fetch's own variables it uses (injected `__shard_` variables are in `injected`). */
  readonly variables: ReadonlySet<string>;
  readonly fragments: ReadonlySet<string>;
  readonly injected: readonly VariableDefinitionNode[];
}

/** A printed per-bureau document (see buildCityDocument). */
export interface CityDocument {
  readonly query: string;
  /** The fetch's own variables it declares (values are copied when provided). */
  readonly variables: readonly string[];
}

export interface PreparedFetch {
  readonly operation: OperationDefinitionNode;
  readonly kind: 'query' | 'mutation';
  readonly rootType: 'Query' | 'Mutation';
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variableDefinitions: readonly VariableDefinitionNode[];
  /** By the original root FieldNode, as `collectFields` returns it. */
  readonly cityFields: ReadonlyMap<FieldNode, CityField>;
  /** Printed per-bureau documents, by the set of root fields they hold. */
  readonly documents: LruCache<string, CityDocument>;
}

export type Preparation =
  | { readonly ok: true; readonly fetch: PreparedFetch }
  | { readonly ok: false; readonly error: GraphQLFormattedError };

/** Distinct root-field subsets of one fetch that keep their printed document. */
const DOCUMENTS_PER_FETCH = 64;

export function prepareFetch(query: string, operationName: string | undefined, index: ContractIndex): Preparation {
  let document;
  try {
    document = parse(query, { noLocation: true });
  } catch (error) {
    return refuse(`The shard engine cannot parse this fetch: ${error instanceof GraphQLError ? error.message : 'syntax error'}`);
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return refuse(`The fetch has no single operation${operationName ? ` named "${operationName}"` : ''}.`);
  if (operation.operation === 'subscription') return refuse('Subscriptions are not supported by the city graph.');
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const rootType = operation.operation === 'mutation' ? 'Mutation' : 'Query';
  const declared = new Set((operation.variableDefinitions ?? []).map((d) => d.variable.name.value));
  const cityFields = new Map<FieldNode, CityField>();
  for (const field of rootFieldNodes(operation.selectionSet, fragments)) {
    const { node, injected } = rewriteRootField(field, rootType, index);
    const usage = collectUsage(node, fragments);
    const variables = new Set([...usage.variables].filter((name) => declared.has(name)));
    cityFields.set(field, { index: cityFields.size, node, variables, fragments: usage.fragments, injected });
  }
  return {
    ok: true,
    fetch: {
      operation, kind: operation.operation, rootType, fragments, cityFields,
      variableDefinitions: operation.variableDefinitions ?? [],
      documents: new LruCache(DOCUMENTS_PER_FETCH),
    },
  };
}

/** Every field node at the root, through root-level fragments, whatever their conditions. */
function rootFieldNodes(set: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FieldNode[] {
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (s: SelectionSetNode) => {
    for (const selection of s.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(set);
  return fields;
}

function refuse(message: string): Preparation {
  // The planner only sends valid fetches: failing here is a bug of ours, hence INTERNAL_SERVER_ERROR.
  return { ok: false, error: ERRORS.INTERNAL_SERVER_ERROR.err(message).toJSON() };
}
