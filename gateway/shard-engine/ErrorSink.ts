import type { GraphQLFormattedError } from 'graphql';

/**
 * The merged response's errors, capped like graphql-js `validate(maxErrors)`: a dead bureau under a
 * large `_entities` fetch would otherwise add one error per entity.
 */
export class ErrorSink {
  readonly errors: GraphQLFormattedError[] = [];
  #dropped = 0;

  constructor(readonly max: number) {}

  push(error: GraphQLFormattedError): void {
    if (this.errors.length < this.max) this.errors.push(error);
    else this.#dropped += 1;
  }

  /** How many errors were dropped past the cap. */
  get dropped(): number {
    return this.#dropped;
  }
}
