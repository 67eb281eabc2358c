/**
 * What a bureau decides row access from, as one string: two outgoing requests with the same access
 * profile and the same document and variables get the same rows, so one bureau request may answer
 * both (the in-flight sharing in gateway/registry/CityLink.ts). It is every identity claim of the
 * gateway token a bureau may decide rows from — role, bureau, scopes (subgraphs/kit/access/) and
 * jurisdiction — so callers who could see different rows never share. `sub` is left out on purpose: no bureau reads it to answer a query (only writes record it,
 * and writes are never shared). Were a query ever to depend on it, it must be added here.
 */
import { memoizePerCaller } from '../request/memoizePerCaller.ts';
import type { OutgoingIdentity } from './OutgoingIdentity.ts';

/** Identities are frozen and reused (one per verified token), so each is keyed once. */
export const accessProfileKey: (identity: OutgoingIdentity) => string = memoizePerCaller((identity: OutgoingIdentity) => JSON.stringify([
  identity.role,
  identity.bureau,
  [...identity.scopes].sort(),
  identity.jurisdiction === null ? null : [...identity.jurisdiction].sort(),
]));
