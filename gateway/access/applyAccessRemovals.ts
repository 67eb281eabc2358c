/**
 * The response side of field access: puts null at every response path of a removed field and adds
 * one error there (UNAUTHENTICATED or FORBIDDEN), masks fields of runtime types the caller may not
 * read, and strips the typename the analysis added. Everything else in the response is left as it is.
 */
import type { GraphQLError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import { shouldIncludeNode } from '../shard-engine/shouldIncludeNode.ts';
import { ACCESS_TYPENAME_KEY, type AccessAnalysis, type AccessRemoval } from './analyzeAccess.ts';

type Json = Record<string, unknown>;
type Path = ReadonlyArray<string | number>;

export interface MaskedResult {
  readonly data: Json | null | undefined;
  readonly errors: GraphQLError[];
}

export function applyAccessRemovals(
  data: Json | null | undefined,
  analysis: AccessAnalysis,
  variables: Readonly<Record<string, unknown>>,
): MaskedResult {
  const errors: GraphQLError[] = [];
  // Nothing was left to run: every root field was removed, and each is answered null below.
  const root = data ?? (analysis.document === null ? Object.create(null) as Json : data);
  if (root === null || root === undefined) return { data: root, errors };
  for (const removal of analysis.removals) {
    if (!removal.conditions.every((node) => shouldIncludeNode(node, variables))) continue; // not asked for
    for (const [holder, path] of holders(root, removal)) {
      const key = removal.steps.at(-1)!.key;
      holder[key] = null;
      errors.push(errorFor(removal, [...path, key]));
    }
  }
  if (analysis.addsTypename) stripTypename(root);
  return { data: root, errors };
}

/** The objects holding the removed field's key, with their response paths. */
function holders(root: Json, removal: AccessRemoval): Array<[Json, Path]> {
  let current: Array<[Json, Path]> = [[root, []]];
  const { steps } = removal;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    current = current.filter(([object]) => step.types === null || step.types.has(object[ACCESS_TYPENAME_KEY] as string));
    if (i === steps.length - 1) break;
    const next: Array<[Json, Path]> = [];
    for (const [object, path] of current) collectObjects(object[step.key], [...path, step.key], next);
    current = next;
  }
  return current;
}

/** Objects in a value, walking nested lists; nulls (and scalars) hold nothing. */
function collectObjects(value: unknown, path: Path, into: Array<[Json, Path]>): void {
  if (Array.isArray(value)) value.forEach((item, index) => collectObjects(item, [...path, index], into));
  else if (typeof value === 'object' && value !== null) into.push([value as Json, path]);
}

function errorFor(removal: AccessRemoval, path: Path): GraphQLError {
  return removal.code === 'UNAUTHENTICATED'
    ? ERRORS.UNAUTHENTICATED.err(`${removal.field} is only for signed-in callers: send a bearer token.`, {
        path, extensions: { reason: 'not-authenticated', field: removal.field },
      })
    : ERRORS.FORBIDDEN.err(`${removal.field} needs the scope ${removal.requiredScopes.map((all) => all.join(' + ')).join(' or ')}.`, {
        path, extensions: { reason: 'missing-scope', field: removal.field, requiredScopes: removal.requiredScopes },
      });
}

function stripTypename(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) stripTypename(item);
  } else if (typeof value === 'object' && value !== null) {
    const object = value as Json;
    delete object[ACCESS_TYPENAME_KEY];
    for (const key in object) stripTypename(object[key]);
  }
}
