/** The region and the city contract cannot form a supergraph: a startup error (R7). */
export class CompositionError extends Error {
  override readonly name = 'CompositionError';
}
