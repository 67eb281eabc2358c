/**
 * What a bureau needs of the region to address an incident's notices: the bureaus there are, and a
 * river's sections with their upstream and downstream bureaus. Asked of the gateway (the bureau never
 * calls the region or another bureau), with the gateway token of the request being served as the
 * credential, exactly as the region calls back for section assessments: the gateway accepts its own
 * token for a bureau's audience back as that request's caller (gateway/bureau-tokens/
 * createRegionCallbackVerifier.ts). Asked before the write's transaction opens, so the transaction
 * waits on no network. Any failure is RECIPIENTS_UNAVAILABLE: nothing is written and the client
 * retries with the same idempotency key.
 */
import { ERRORS } from '../../../schema/errors.ts';
import type { GatewayLink } from '../../config/loadGatewayLink.ts';
import type { RiverSection } from './downstreamBureaus.ts';
import { queryGateway } from './queryGateway.ts';

export interface RegionFacts {
  readonly bureaus: ReadonlySet<string>;
  /** Null when no river was asked for; throws RECIPIENTS_UNAVAILABLE (`unknown-river`) for an unknown one. */
  readonly sections: ReadonlyArray<RiverSection & { readonly id: string }> | null;
}

export type RegionDirectory = (riverId: string | null, gatewayToken: string | null) => Promise<RegionFacts>;

const QUERY = `query CooperationRecipients($riverId: ID!, $withRiver: Boolean!) {
  cities { code }
  river(id: $riverId) @include(if: $withRiver) { id }
  sections(riverId: $riverId) @include(if: $withRiver) { id upstreamCity { code } downstreamCity { code } }
}`;

interface Answer {
  data?: {
    cities?: Array<{ code: string }> | null;
    river?: { id: string } | null;
    sections?: Array<{ id: string; upstreamCity: { code: string } | null; downstreamCity: { code: string } | null }> | null;
  } | null;
  errors?: unknown[];
}

export function createRegionDirectory(link: GatewayLink): RegionDirectory {
  return async (riverId, gatewayToken) => {
    const answer = await queryGateway(link, QUERY, { riverId: riverId ?? '', withRiver: riverId !== null }, gatewayToken) as Answer;
    const cities = answer.data?.cities;
    if (!Array.isArray(cities) || (answer.errors?.length ?? 0) > 0) throw unavailable('region-failed', 'The region did not give its rivers and bureaus.');
    if (riverId !== null && !answer.data?.river) throw unavailable('unknown-river', `The region knows no river ${riverId}.`);
    return {
      bureaus: new Set(cities.map((c) => c.code)),
      sections: riverId === null ? null : (answer.data?.sections ?? []).map((s) => ({
        id: s.id, upstream: s.upstreamCity?.code ?? null, downstream: s.downstreamCity?.code ?? null,
      })),
    };
  };
}

function unavailable(reason: string, message: string) {
  return ERRORS.RECIPIENTS_UNAVAILABLE.err(message, { extensions: { reason } });
}
