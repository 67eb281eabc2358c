/**
 * How a panel asks the graph: the board's own POST /graphql (main.ts's `ask`, which adds the token
 * typed in the header), answering GraphQL JSON with partial data and errors at their paths.
 */
export interface PanelAnswer {
  readonly data?: unknown;
  readonly errors?: ReadonlyArray<{
    readonly message: string;
    readonly path?: ReadonlyArray<string | number>;
    readonly extensions?: { readonly code?: unknown };
  }>;
}
export type PanelAsk = (query: string, variables: Record<string, unknown>) => Promise<PanelAnswer>;

/** True when every error of the answer is at `path` and is UNAUTHENTICATED (the caller sent no token). */
export function needsToken(answer: PanelAnswer, field: string): boolean {
  const errors = (answer.errors ?? []).filter((e) => e.path?.[0] === field);
  return errors.length > 0 && errors.every((e) => e.extensions?.code === 'UNAUTHENTICATED');
}
