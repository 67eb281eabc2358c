/**
 * What the engine does for one response key at the root of a fetch (a closed union, merged by
 * an exhaustive switch, so a new kind cannot be left unhandled). `local` is answered without any
 * bureau: `__typename`, `_service`, and every refusal (bad `first`, bad cursor, unknown city) as
 * null plus its error.
 */
import type { GraphQLFormattedError } from 'graphql';
import type { CollectedField } from './collectFields.ts';
import type { ConnectionPage } from './planConnectionPage.ts';
import type { EntitiesPlan } from './planEntities.ts';
import type { ConnectionInfo } from './readConnections.ts';

export type RootTask =
  | { readonly kind: 'local'; readonly key: string; readonly value: unknown; readonly error: GraphQLFormattedError | null }
  | { readonly kind: 'route'; readonly key: string; readonly field: CollectedField; readonly city: string }
  | {
      readonly kind: 'list'; readonly key: string; readonly field: CollectedField; readonly cities: readonly string[];
      /** Bureaus the client named in `cityCodes` but may not reach: FORBIDDEN each, never asked. */
      readonly forbidden: readonly string[];
      /** Codes the client named in `cityCodes` that no bureau serves: UNKNOWN_CITY each. */
      readonly unknown: readonly string[];
    }
  | { readonly kind: 'connection'; readonly key: string; readonly field: CollectedField; readonly info: ConnectionInfo; readonly page: ConnectionPage }
  | { readonly kind: 'entities'; readonly key: string; readonly field: CollectedField; readonly plan: EntitiesPlan };

/** The bureaus a task asks, each with the `__shard_` variables only it gets. */
export type TaskTargets = ReadonlyMap<string, Readonly<Record<string, unknown>>>;
