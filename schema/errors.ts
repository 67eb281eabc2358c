/**
 * Every GraphQL error code this product emits, defined once, here. Front ends and partner
 * bureaus match on `extensions.code`, so a code is never renamed or reused; a removed one stays in
 * REMOVED_ERROR_CODES.
 */
import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

export interface ErrorCodeDefinition<C extends string = string> {
  readonly code: C;
  readonly description: string;
  readonly addedIn: string;
  /** Build the error; `extensions.code` is always this definition's code. */
  err(message: string, options?: GraphQLErrorOptions): GraphQLError;
}

function defineCode<C extends string>(code: C, description: string, addedIn: string): ErrorCodeDefinition<C> {
  return {
    code,
    description,
    addedIn,
    err(message, options) {
      return new GraphQLError(message, { ...options, extensions: { ...options?.extensions, code } });
    },
  };
}

export const ERRORS = {
  BAD_USER_INPUT: defineCode('BAD_USER_INPUT',
    'An argument has a value the field does not accept (e.g. a time range that ends before it starts).', '0.1.0'),
  PAGE_SIZE_OUT_OF_RANGE: defineCode('PAGE_SIZE_OUT_OF_RANGE',
    '`first` is negative or above the page-size cap (100).', '0.1.0'),
  INVALID_CURSOR: defineCode('INVALID_CURSOR',
    '`after` is not a cursor this list produced (malformed, or from another list or sort).', '0.1.0'),
  INVALID_ID: defineCode('INVALID_ID',
    'An id argument is not a global id of this graph, or names another type than the field expects.', '0.1.0'),
  CITY_SOURCE_UNAVAILABLE: defineCode('CITY_SOURCE_UNAVAILABLE',
    "A bureau's own data system (database, file share, web service) failed or timed out; the bureau's subgraph is up.", '0.1.0'),
  CITY_UNAVAILABLE: defineCode('CITY_UNAVAILABLE',
    "A bureau's subgraph failed or missed its deadline; that bureau's part of the result is missing.", '0.1.0'),
  UNKNOWN_CITY: defineCode('UNKNOWN_CITY',
    'A cityCode argument or entity key names no configured bureau.', '0.1.0'),
  INVALID_STANDARDS_INPUT: defineCode('INVALID_STANDARDS_INPUT',
    'Values given to a standards calculation (a water sample, AQI concentrations, incident facts) cannot be evaluated: ' +
    'an unknown indicator, a negative or duplicate value, a period the report does not take… `extensions.reason` is the ' +
    "calculator's own code (UNKNOWN_INDICATOR, NEGATIVE_VALUE, DUPLICATE_INDICATOR, PERIOD_NOT_ALLOWED, …) and " +
    '`extensions.detail` names the offending value.', '0.2.0'),
  INSUFFICIENT_DATA: defineCode('INSUFFICIENT_DATA',
    "A result computed from a station's readings cannot be formed from the data there is (no valid reading in the " +
    "period, a concentration the standard needs is missing); `extensions.reason` says which.", '0.2.0'),
  CITY_DATA_UNAVAILABLE: defineCode('CITY_DATA_UNAVAILABLE',
    "The region could not get the bureau data a computed field needs (a section's period means) through the gateway: " +
    'the gateway was unreachable or too slow, or the bureau failed. `extensions.cityCode` names the bureau when known and ' +
    '`extensions.reason` what failed (GATEWAY_UNREACHABLE, GATEWAY_TIMEOUT, GATEWAY_FAILED, CITY_FAILED, STATION_NOT_FOUND).', '0.2.0'),
  FORBIDDEN: defineCode('FORBIDDEN',
    'The caller may not read this. From the shard engine: a bureau named by the request (a cityCode argument, a ' +
    "global id, an entity key, a cityCodes entry) lies outside the caller's jurisdiction; `extensions.city` names it, " +
    "`extensions.reason` is `out-of-jurisdiction`, and the bureau was not contacted. From field access: the caller's " +
    'token lacks a scope the field needs (`@requiresScopes` on the contract); the field is null, `extensions.reason` is ' +
    '`missing-scope`, `extensions.field` names it (Type.field) and `extensions.requiredScopes` lists the scope sets that open it. ' +
    "From a bureau (row access): a case's internal details (evidence, violation facts, the penalty before publication) are " +
    "shown only to officers of the handling bureau or of a joint case's partner bureaus with `cases:internal`; the field is " +
    'null, `extensions.reason` is `not-case-party`, `extensions.field` names it and `extensions.city` the bureau. ' +
    "From the region: a section's `assessment` (or a `settlement`) needs a station of a bureau the caller may not read " +
    "(the region asks the gateway on the caller's behalf); the field is null, `extensions.cityCode` names the bureau " +
    "(`extensions.city` is `region`, which answered) and `extensions.reason` is the gateway's (`out-of-jurisdiction`). " +
    "From a subscription: `incidentUpdated` of another bureau's incident outside the jurisdiction (`out-of-jurisdiction`), or " +
    "an inbox subscription (noticeReceived, bulletinReceived) with a token that names no bureau (`no-bureau`).", '0.3.0'),
  UNAUTHENTICATED: defineCode('UNAUTHENTICATED',
    'Either the bearer token was refused (HTTP 401, `WWW-Authenticate: Bearer error="invalid_token"`, no data; ' +
    '`extensions.reason` says why in general terms: malformed, expired, not-yet-valid, wrong-issuer, wrong-audience, ' +
    'bad-signature, unknown-key, algorithm-not-allowed, missing-claim, bad-claim, no-issuer-configured, key-set-unavailable), or a field ' +
    'needs a signed-in caller (`@authenticated` on the contract) and the request had no token: the field is null, ' +
    '`extensions.reason` is `not-authenticated` and `extensions.field` names it. From a bureau or the region: a /graphql request ' +
    'without a valid gateway token (HTTP 401, `WWW-Authenticate: Bearer`; `extensions.city` names the subgraph, `extensions.reason` ' +
    'is no-token, malformed, expired, wrong-issuer, wrong-audience, wrong-type, missing-claim, bad-claim, bad-signature, ' +
    'algorithm-not-allowed, lifetime-too-long, issued-in-future or replayed). At the gateway, a gateway token (`typ` ' +
    'gateway+jwt) is accepted only as the region calling back: signed by this gateway\'s key for the audience `region` and ' +
    'unexpired; any other (a bureau\'s audience, another key, expired) is refused with those same reasons.', '0.3.0'),
  RATE_LIMITED: defineCode('RATE_LIMITED',
    "The caller (its token's subject, else its address) used up its request budget for the current window; the HTTP " +
    'status is 429 and `Retry-After` (also `extensions.retryAfterSeconds`) says when the window resets.', '0.3.0'),
  QUERY_TOO_LARGE: defineCode('QUERY_TOO_LARGE',
    'The document is above the token limit (the parser stops there) or the byte limit; HTTP 400, nothing ran. ' +
    '`extensions.max` is the limit and `extensions.measured` what was counted (for tokens, the limit + 1: parsing stopped).', '0.3.0'),
  QUERY_TOO_DEEP: defineCode('QUERY_TOO_DEEP',
    'An operation nests more fields on one path than the depth limit, fragments expanded; HTTP 400, nothing ran. ' +
    '`extensions.max` is the limit, `extensions.measured` the depth (at least; the walk stops one level past the limit).', '0.3.0'),
  TOO_MANY_ALIASES: defineCode('TOO_MANY_ALIASES',
    'An operation has more aliased fields than the limit, fragments expanded; HTTP 400, nothing ran. `extensions.max`, `extensions.measured`.', '0.3.0'),
  TOO_MANY_ROOT_FIELDS: defineCode('TOO_MANY_ROOT_FIELDS',
    'An operation selects more root fields than the limit (each is a separate request to the bureaus); HTTP 400, nothing ran. ' +
    '`extensions.max`, `extensions.measured`.', '0.3.0'),
  TOO_MANY_DIRECTIVES: defineCode('TOO_MANY_DIRECTIVES',
    'An operation has more directives than the limit, in all (fragments expanded) or on one field, fragment or spread; HTTP 400, ' +
    'nothing ran. `extensions.max`, `extensions.measured`.', '0.3.0'),
  TOO_MANY_FIELDS: defineCode('TOO_MANY_FIELDS',
    'An operation selects more fields than the limit, fragments expanded (e.g. one field repeated thousands of times); HTTP 400, ' +
    'nothing ran. `extensions.max`, `extensions.measured`.', '0.3.0'),
  QUERY_TOO_COMPLEX: defineCode('QUERY_TOO_COMPLEX',
    "The operation's estimated cost is above the limit: each field costs 1, a page multiplies its contents by its page size, " +
    'a list without one by an assumed length, and a fan-out by the bureaus it reaches (those served, in the caller\'s ' +
    'jurisdiction and in `cityCodes`); HTTP 400, nothing ran. `extensions.max` is the limit, `extensions.measured` the estimate, ' +
    '`extensions.bureaus` how many bureaus a fan-out reaches. Ask for smaller pages, fewer bureaus or fewer nested lists. ' +
    'Also: an introspection that names one of its lists (`fields`, `types`, …) more often than the standard introspection ' +
    'query does (nested introspection lists multiply the response by the size of the schema).', '0.3.0'),
  INTROSPECTION_DISABLED: defineCode('INTROSPECTION_DISABLED',
    'The operation asks for `__schema` or `__type`, which this gateway answers only for signed-in callers (anonymous ' +
    'introspection is off: ECOGRAPH_INTROSPECTION_PUBLIC); HTTP 403, nothing ran. `__typename` is always allowed.', '0.3.0'),
  PERSISTED_QUERY_NOT_IN_SAFELIST: defineCode('PERSISTED_QUERY_NOT_IN_SAFELIST',
    'The gateway runs only the documents of its safelist (ECOGRAPH_SAFELIST) and this one is not among them (matched by the ' +
    'SHA-256 of its text, sent in full or as an automatic persisted query hash); HTTP 403, nothing ran.', '0.3.0'),
  PERSISTED_QUERY_NOT_SUPPORTED: defineCode('PERSISTED_QUERY_NOT_SUPPORTED',
    "The request's `extensions.persistedQuery` asks for a version of the automatic persisted query protocol this " +
    'gateway does not speak (only `version: 1`); HTTP 400, nothing ran. Apollo\'s code and message ("Unsupported persisted query version").', '0.4.0'),
  PERSISTED_QUERY_HASH_MISMATCH: defineCode('PERSISTED_QUERY_HASH_MISMATCH',
    "The request sends a document together with an automatic persisted query hash that is not the document's SHA-256 " +
    '(hex); HTTP 400, nothing ran or was registered. Apollo\'s message ("provided sha does not match query").', '0.4.0'),
  BAD_REQUEST: defineCode('BAD_REQUEST',
    'The HTTP request is not a GraphQL request this gateway can read (no query, a body that is not JSON, a refused ' +
    'method, CSRF prevention); HTTP 400, nothing ran. Apollo Server\'s code.', '0.4.0'),
  IDEMPOTENCY_KEY_REUSED: defineCode('IDEMPOTENCY_KEY_REUSED',
    'A write was sent with an idempotencyKey this bureau already used for a different request (another mutation or other ' +
    'input); nothing was written. A retry of the same request with the same key returns the first result instead.', '0.5.0'),
  INCIDENT_CLOSED: defineCode('INCIDENT_CLOSED',
    "A report was added to an incident whose final report (处理结果报告) is filed; nothing was written.", '0.5.0'),
  INVALID_RECIPIENT: defineCode('INVALID_RECIPIENT',
    "A notice's or bulletin's recipient (or a resource request's responder) is not allowed: the writing bureau itself (`extensions.reason` `self`) or a code the region " +
    "does not know (`reason` `unknown-bureau`); `extensions.cityCode` names it and nothing was written.", '0.5.0'),
  NOT_NOTICE_RECIPIENT: defineCode('NOT_NOTICE_RECIPIENT',
    "acknowledgeNotice named a notice that is not in this bureau's inbox (another bureau's notice, or the sender's own " +
    'copy); only the recipient acknowledges. Nothing was written.', '0.5.0'),
  NOT_BULLETIN_RECIPIENT: defineCode('NOT_BULLETIN_RECIPIENT',
    "markBulletinRead named a bulletin that is not in this bureau's inbox (another bureau's bulletin, or the sender's own " +
    'copy); only a recipient marks it read. Nothing was written.', '0.6.0'),
  NOT_REQUEST_RESPONDER: defineCode('NOT_REQUEST_RESPONDER',
    "answerResourceRequest or updateResourceRequest named a request that this bureau did not receive (another bureau's, or " +
    "the requester's own copy); only the responding bureau answers and reports progress. Nothing was written.", '0.6.0'),
  NOT_ACTION_ITEM_ASSIGNEE: defineCode('NOT_ACTION_ITEM_ASSIGNEE',
    "updateActionItem named an action item that is not in this bureau's inbox (another bureau's, or the convener's own " +
    'copy); only the assigned bureau reports progress. Nothing was written.', '0.6.0'),
  NOT_PATROL_PARTNER: defineCode('NOT_PATROL_PARTNER',
    "confirmJointPatrol named a proposal that is not in this bureau's inbox (another bureau's, or the proposer's own " +
    'copy); only a partner answers it. Nothing was written.', '0.6.0'),
  NOT_JOINT_CASE_PARTNER: defineCode('NOT_JOINT_CASE_PARTNER',
    "confirmJointCase named a joint case proposal that is not in this bureau's inbox (another bureau's, or the proposer's " +
    'own copy); only a partner answers it. Nothing was written.', '0.7.0'),
  STATE_CHANGE_OUT_OF_ORDER: defineCode('STATE_CHANGE_OUT_OF_ORDER',
    'A state change does not follow the current state (a resource request goes REQUESTED → ACCEPTED or DECLINED, ' +
    'ACCEPTED → DISPATCHED → RETURNED; an action item OPEN → IN_PROGRESS → DONE or OPEN → DONE; a patrol or joint case partner PROPOSED → CONFIRMED or DECLINED; the outcome of a joint patrol and the case link of a joint case proposal are recorded once, the link only after every partner answered and one confirmed); `extensions.state` is the current state and `extensions.requested` the refused ' +
    'one. Nothing was written.', '0.6.0'),
  TEXT_TOO_LONG: defineCode('TEXT_TOO_LONG',
    'A text input is longer than the contract allows (title 200, description and report text 4000, a pollutant 64, an ' +
    'idempotency key 128 characters) or a list has too many entries; `extensions.argument` names it and `extensions.max` ' +
    'gives the limit. Nothing was written.', '0.5.0'),
  INVALID_TIME: defineCode('INVALID_TIME',
    'A DateTime argument is not an ISO 8601 date-time with an offset, or lies in the future where the past is required; ' +
    '`extensions.argument` names it. Nothing was written.', '0.5.0'),
  RECIPIENTS_UNAVAILABLE: defineCode('RECIPIENTS_UNAVAILABLE',
    "The bureau could not learn the incident's recipients from the region's rivers and sections (it asks the gateway " +
    'with the token of the request it serves): the gateway or the region did not answer, or the river or section is ' +
    'unknown (`extensions.reason`); for requestResources also: the responder did not answer whether its resources exist ' +
    '(`reason` `responder-unavailable`, `extensions.cityCode`). Nothing was written; retry with the same idempotencyKey.', '0.5.0'),
  UNKNOWN_RESOURCE: defineCode('UNKNOWN_RESOURCE',
    "requestResources named an emergency resource the responder does not have: the requesting bureau asked the " +
    "responder, through the gateway and as the caller, before writing, and no such resource is in the responder's data " +
    '(`extensions.reason` `not-found`), or it belongs to another bureau (`other-bureau`). `extensions.argument` names the ' +
    'item and `extensions.resourceId` the id. Nothing was written.', '0.6.0'),
  GRAPHQL_PARSE_FAILED: defineCode('GRAPHQL_PARSE_FAILED',
    'The document is not valid GraphQL syntax; nothing ran (HTTP 400 over POST). Apollo Server\'s code, used by the ' +
    "gateway's subscriptions (graphql-sse, graphql-ws) too.", '0.7.0'),
  GRAPHQL_VALIDATION_FAILED: defineCode('GRAPHQL_VALIDATION_FAILED',
    'The document does not validate against the public schema (an unknown field or argument, a wrong type…); nothing ran ' +
    "(HTTP 400 over POST). Apollo Server's code, used by the gateway's subscriptions too; over POST /graphql a subscription " +
    'operation is refused with BAD_REQUEST instead (subscriptions are served at /graphql/stream and over WebSocket).', '0.7.0'),
  TOO_MANY_SUBSCRIPTIONS: defineCode('TOO_MANY_SUBSCRIPTIONS',
    'The caller (its token subject, else its address) already has as many subscriptions open on this gateway replica as ' +
    'allowed (ECOGRAPH_MAX_SUBSCRIPTIONS_PER_CALLER); `extensions.max` is the cap. Close one before opening another.', '0.7.0'),
  EVENTS_EXPIRED: defineCode('EVENTS_EXPIRED',
    "A subscription's `since` (or SSE Last-Event-ID) is older than what a bureau still keeps of its events (its retention, " +
    'at least 24 h), so events would be missed; the stream ends. `extensions.cityCode` and `extensions.feed` name the ' +
    'stream. Re-query the current state, then subscribe again without `since`.', '0.7.0'),
  SUBSCRIBER_TOO_SLOW: defineCode('SUBSCRIBER_TOO_SLOW',
    'More events waited for one subscription than the gateway holds for a subscriber (the client reads too slowly, or a ' +
    '`since` far back met a long catch-up); the stream ends. Subscribe again with `since` = the id of the last event ' +
    'received: nothing is lost.', '0.7.0'),
  INTERNAL_SERVER_ERROR: defineCode('INTERNAL_SERVER_ERROR',
    'An unexpected error; details are logged, never sent.', '0.1.0'),
} as const;

export type ErrorCode = keyof typeof ERRORS;

export const REMOVED_ERROR_CODES: ReadonlyArray<readonly [code: string, reason: string]> = [];
