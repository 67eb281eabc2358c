/**
 * A standard and the version of it a table implements, e.g. { standard: 'HJ 633', version: '2012' }.
 * Every threshold table carries one, because HJ 633/GB 3095 were revised in 2026 and results must
 * say which edition produced them (docs/air-quality.md, "The 2026 revision").
 */
export interface StandardRef {
  readonly standard: string;
  readonly version: string;
}

/** 'GB 3838-2002' — the form the standards print on their covers. */
export function formatStandardRef(ref: StandardRef): string {
  return `${ref.standard}-${ref.version}`;
}
