/**
 * Who is asking: the verified claims of the caller's bearer token, or the public role when the
 * request carries none. Built once at the HTTP edge of the gateway; everything after it (field
 * access, jurisdiction, cost, rate limits, the identity forwarded to bureaus) reads this value.
 */
export interface Caller {
  /** `public` = no token; `authenticated` = a verified token. */
  readonly role: 'public' | 'authenticated';
  /** The token's `sub`; null for the public role. */
  readonly subject: string | null;
  /** The caller's own bureau (GB/T 2260 code, the `bureau` claim); null when the token names none. */
  readonly bureau: string | null;
  /** The token's `scope` claim, split on spaces. */
  readonly scopes: ReadonlySet<string>;
  /** Bureau codes the caller may reach (the `jurisdiction` claim); null = every bureau. */
  readonly jurisdiction: ReadonlySet<string> | null;
}

export const PUBLIC_CALLER: Caller = Object.freeze({
  role: 'public',
  subject: null,
  bureau: null,
  scopes: new Set<string>(),
  jurisdiction: null,
});
