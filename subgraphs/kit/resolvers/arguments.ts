/** Argument checks shared by the resolvers; each failure is a GraphQL error with a stable code. */
import { ERRORS } from '../../../schema/errors.ts';
import { decodeGlobalId, type NodeType } from '../../../schema/globalId.ts';

const MAX_SEARCH_LENGTH = 64;

/** A trimmed search string, or undefined for none; over-long searches are refused. */
export function searchArg(search: string | null | undefined): string | undefined {
  const text = search?.trim();
  if (!text) return undefined;
  if (text.length > MAX_SEARCH_LENGTH) {
    throw ERRORS.BAD_USER_INPUT.err(`search is limited to ${MAX_SEARCH_LENGTH} characters.`, { extensions: { argument: 'search' } });
  }
  return text;
}

/**
 * The local part of a global id that must name `type`; null when the id is valid but belongs to
 * another bureau (so this bureau has no such object).
 */
export function ownId(id: string, type: NodeType, cityCode: string, argument = 'id'): boolean {
  const parts = decodeGlobalId(id);
  if (!parts) throw ERRORS.INVALID_ID.err(`${argument} is not a global id of this graph.`, { extensions: { argument } });
  if (parts.type !== type) {
    throw ERRORS.INVALID_ID.err(`${argument} names a ${parts.type}, not a ${type}.`, { extensions: { argument } });
  }
  return parts.cityCode === cityCode;
}
