/** Stubs for entities other subgraphs own: the gateway resolves the rest of their fields. */
export const cityRefs = (codes: readonly string[]) => codes.map((code) => ({ code }));
export const riverRefs = (ids: readonly string[]) => ids.map((id) => ({ id }));
export const riverRef = (id: string | null) => (id === null ? null : { id });
export const enterpriseRef = (creditCode: string | null) => (creditCode === null ? null : { creditCode });
