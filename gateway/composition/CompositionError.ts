/** The region and the city contract cannot form a supergraph: thrown at start, as the gateway cannot serve without one. */
export class CompositionError extends Error {
  override readonly name = 'CompositionError';
}
