/**
 * The contract's paging limits, shared by the bureaus (which refuse a larger page) and the gateway
 * (whose cost estimate multiplies lists by the page size a bureau will actually serve).
 */

/** Page-size cap: bounds the work one request can ask of a bureau (and, fanned out, of all six). */
export const MAX_PAGE_SIZE = 100;
/** The page size of a connection asked without `first`. */
export const DEFAULT_PAGE_SIZE = 20;
