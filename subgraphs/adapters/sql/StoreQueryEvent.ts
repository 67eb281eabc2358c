/** One executed statement of a server store, for tests and metrics that count store round trips. */
export interface StoreQueryEvent {
  readonly sql: string;
  readonly durationMs: number;
  readonly failed: boolean;
}
