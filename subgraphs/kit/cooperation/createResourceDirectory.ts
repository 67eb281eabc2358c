/**
 * Whether a responder has the emergency resources a request names: asked of the gateway before the
 * write's transaction opens, as the caller (queryGateway.ts), with `node(id)` per resource, which the
 * gateway routes to the bureau the global id names, so the answer comes from the responder's own data
 * under the caller's access (emergency:read, jurisdiction). A resource the responder lacks answers null;
 * one the caller may not see answers FORBIDDEN; a responder that does not answer is
 * RECIPIENTS_UNAVAILABLE (`responder-unavailable`): nothing is written and the client retries.
 */
import { ERRORS } from '../../../schema/errors.ts';
import type { GatewayLink } from '../../config/loadGatewayLink.ts';
import { queryGateway, type GatewayAnswerError } from './queryGateway.ts';

/** What the graph says of one resource id. */
export type ResourceFact =
  | { readonly status: 'found'; readonly cityCode: string }
  | { readonly status: 'missing' }
  /** The caller may not see it; `extensions` are the gateway's (reason, city, requiredScopes). */
  | { readonly status: 'forbidden'; readonly extensions: Readonly<Record<string, unknown>> };

/** One fact per id, in order. */
export type ResourceDirectory = (responder: string, resourceIds: readonly string[], gatewayToken: string | null) => Promise<readonly ResourceFact[]>;

/**
 * Root fields per query: every `node` is a root field, and the gateway refuses more than
 * ECOGRAPH_MAX_ROOT_FIELDS (default 10) in one operation; a request names at most 20 resources.
 */
const ROOT_FIELDS_PER_QUERY = 10;

export function createResourceDirectory(link: GatewayLink): ResourceDirectory {
  return async (responder, resourceIds, gatewayToken) => {
    const chunks: Array<readonly string[]> = [];
    for (let i = 0; i < resourceIds.length; i += ROOT_FIELDS_PER_QUERY) chunks.push(resourceIds.slice(i, i + ROOT_FIELDS_PER_QUERY));
    const answers = await Promise.all(chunks.map((ids) => lookUp(link, responder, ids, gatewayToken)));
    return answers.flat();
  };
}

async function lookUp(link: GatewayLink, responder: string, ids: readonly string[], gatewayToken: string | null): Promise<ResourceFact[]> {
  const aliases = ids.map((_, i) => `r${i}`);
  const query = `query CooperationResources(${aliases.map((a) => `$${a}: ID!`).join(', ')}) {\n` +
    aliases.map((a) => `  ${a}: node(id: $${a}) { ... on EmergencyResource { cityCode } }`).join('\n') + '\n}';
  const answer = await queryGateway(link, query, Object.fromEntries(ids.map((id, i) => [aliases[i], id])), gatewayToken);
  const errors = answer.errors ?? [];
  return aliases.map((alias): ResourceFact => {
    const error = errors.find((e) => e.path?.[0] === alias) ?? (answer.data == null ? errors[0] : undefined);
    if (error !== undefined) return refusalOf(error, responder);
    const node = answer.data?.[alias];
    if (node === null) return { status: 'missing' };
    const cityCode = (node as { cityCode?: unknown } | undefined)?.cityCode;
    if (typeof cityCode !== 'string') throw unavailable(responder, 'The gateway gave no answer for a resource.');
    return { status: 'found', cityCode };
  });
}

function refusalOf(error: GatewayAnswerError, responder: string): ResourceFact {
  const extensions = error.extensions ?? {};
  if (extensions['code'] === 'FORBIDDEN') {
    const { code: _code, ...rest } = extensions;
    return { status: 'forbidden', extensions: rest };
  }
  throw unavailable(responder, `Bureau ${responder} did not say whether it has the resources (${String(extensions['code'] ?? 'error')}).`);
}

function unavailable(responder: string, message: string) {
  return ERRORS.RECIPIENTS_UNAVAILABLE.err(message, { extensions: { reason: 'responder-unavailable', cityCode: responder } });
}
