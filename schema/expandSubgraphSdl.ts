/**
 * The SDL a Federation 2 subgraph built from `typeDefs` serves at `_service { sdl }`: the expanded
 * form, with the federation link, its directive definitions and `_entities`/`_service`. Comparing a
 * bureau's served SDL against this (rather than against the source file) compares like with like.
 * Parsed without locations: the gateway keeps it for its whole life and compares nodes, never
 * positions (with them, each copy holds ~1.5 MB of tokens).
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { executeSync, parse, type DocumentNode } from 'graphql';

const SERVICE_QUERY = parse('{ _service { sdl } }');

export function expandSubgraphSdl(typeDefs: DocumentNode): DocumentNode {
  const result = executeSync({ schema: buildSubgraphSchema({ typeDefs }), document: SERVICE_QUERY });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string') throw new TypeError('The subgraph schema did not print its SDL.');
  return parse(sdl, { noLocation: true });
}
