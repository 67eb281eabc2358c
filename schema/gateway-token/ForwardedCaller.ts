/**
 * The caller a bureau serves, as the gateway vouched for it in its token: what row access decides
 * from (subgraphs/kit/access/). Never read from anything but a verified gateway token.
 */
import { FORWARDED_ROLES, type ForwardedRole } from './gatewayTokenRules.ts';

export interface ForwardedCaller {
  /** `public` = the client had no token; `gateway` = the gateway's own checks. */
  readonly role: ForwardedRole;
  /** The client's `sub`; null for the public role. */
  readonly subject: string | null;
  /** The client's own bureau (GB/T 2260 code); null when its token names none. */
  readonly bureau: string | null;
  readonly scopes: ReadonlySet<string>;
  /** Bureau codes the client may reach; null = every bureau. */
  readonly jurisdiction: ReadonlySet<string> | null;
}

/**
 * Least privilege: what in-process callers (tests, tools) get unless they say otherwise; also the
 * gateway's public caller (gateway/request/Caller.ts). Typed narrowly so it serves as either.
 */
export const PUBLIC_FORWARDED_CALLER: ForwardedCaller & { readonly role: 'public' } = Object.freeze({
  role: 'public',
  subject: null,
  bureau: null,
  scopes: new Set<string>(),
  jurisdiction: null,
});

const MAX_CLAIM_LENGTH = 256;
const MAX_LIST = 64;

/**
 * The identity claims of a verified token payload, or a reason they are malformed. Strict: a
 * signed token with claims of the wrong shape is a bug or an attack, never guessed at.
 */
export function readForwardedCaller(payload: Readonly<Record<string, unknown>>): ForwardedCaller | string {
  const { role, sub, bureau, scope, jurisdiction } = payload;
  if (typeof role !== 'string' || !(FORWARDED_ROLES as readonly string[]).includes(role)) return 'the "role" claim is missing or unknown';
  if (sub !== undefined && !isShortString(sub)) return 'the "sub" claim is not a string';
  if (bureau !== undefined && !isShortString(bureau)) return 'the "bureau" claim is not a string';
  if (typeof scope !== 'string' || scope.length > 4 * MAX_CLAIM_LENGTH) return 'the "scope" claim is not a string';
  if (jurisdiction !== undefined && !(Array.isArray(jurisdiction) && jurisdiction.length <= MAX_LIST && jurisdiction.every(isShortString))) {
    return 'the "jurisdiction" claim is not a list of bureau codes';
  }
  if (role === 'public' && (sub !== undefined || bureau !== undefined)) return 'a public caller has no "sub" or "bureau"';
  return Object.freeze({
    role: role as ForwardedRole,
    subject: sub ?? null,
    bureau: bureau ?? null,
    scopes: new Set(scope.split(' ').filter(Boolean)),
    jurisdiction: jurisdiction === undefined ? null : new Set(jurisdiction as string[]),
  });
}

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_CLAIM_LENGTH;
}
