import type { StoreQueryEvent } from '../../../subgraphs/adapters/sql/StoreQueryEvent.ts';

/** Counts the statements a server store reports through its `onQuery` option. */
export function statementCounter() {
  let executed = 0;
  return {
    onQuery: (_event: StoreQueryEvent) => { executed += 1; },
    async countStatements(run: () => Promise<unknown>): Promise<number> {
      const before = executed;
      await run();
      return executed - before;
    },
  };
}
