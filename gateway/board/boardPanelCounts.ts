/**
 * The board's per-bureau counts: open incidents (`incidents(status: OPEN)`), notices waiting in the
 * bureau's inbox to be acknowledged (`receivedNotices(state: DELIVERED)`: delivered, not yet signed
 * for) and alarms since 00:00 China time today (`alarms(since:)`), each a `totalCount` of one
 * bureau (`cityCodes: [code]`, `first: 0`) under an alias per bureau and count, one request per count.
 *
 * Alarms are public; incidents and notices need a token. A count the caller may not read comes back
 * null with UNAUTHENTICATED or FORBIDDEN at its path: it is shown as "needs a token" or "no access",
 * never as an error. Pure (no DOM).
 */

export const COUNT_KINDS = ['openIncidents', 'pendingNotices', 'alarmsToday'] as const;
export type CountKind = (typeof COUNT_KINDS)[number];

export const COUNT_LABEL: Readonly<Record<CountKind, string>> = {
  openIncidents: '处置中事件 Open incidents',
  pendingNotices: '待签收通报 Notices to acknowledge',
  alarmsToday: '今日告警 Alarms today',
};

const FIELD: Readonly<Record<CountKind, (code: string) => string>> = {
  openIncidents: (code) => `incidents(cityCodes: ["${code}"], status: OPEN, first: 0) { totalCount }`,
  pendingNotices: (code) => `receivedNotices(cityCodes: ["${code}"], state: DELIVERED, first: 0) { totalCount }`,
  alarmsToday: (code) => `alarms(cityCodes: ["${code}"], since: $since, first: 0) { totalCount }`,
};

/** One count as the panel shows it. */
export type Count =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'needs-token' }
  | { readonly kind: 'no-access' }
  | { readonly kind: 'unavailable' };

export interface BureauCountsRow {
  readonly code: string;
  readonly name: string;
  readonly counts: Readonly<Record<CountKind, Count>>;
}

export interface GraphError {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: { readonly code?: unknown };
}

const alias = (kind: CountKind, code: string) => `${kind}_${code}`;

/** The gateway refuses an operation with more root fields than this (TOO_MANY_ROOT_FIELDS). */
export const MAX_ROOT_FIELDS = 10;

/**
 * The requests for these bureaus (alarms since `since`): one per count kind and at most MAX_ROOT_FIELDS bureaus, so none
 * is refused; their answers' data and errors together are one answer (the aliases never repeat).
 * Codes are GB/T 2260 (six digits), anything else is refused.
 */
export function bureauCountsRequests(codes: readonly string[], since: string): Array<{ readonly query: string; readonly variables: Record<string, string> }> {
  for (const code of codes) if (!/^\d{6}$/.test(code)) throw new RangeError(`not a GB/T 2260 code: ${code}`);
  const chunks: string[][] = [];
  for (let i = 0; i < codes.length; i += MAX_ROOT_FIELDS) chunks.push(codes.slice(i, i + MAX_ROOT_FIELDS));
  return COUNT_KINDS.flatMap((kind) => chunks.map((chunk) => {
    const fields = chunk.map((code) => `${alias(kind, code)}: ${FIELD[kind](code)}`);
    const operation = `BoardBureauCounts${kind === 'alarmsToday' ? '($since: DateTime!)' : ''}`;
    return { query: `query ${operation} {\n  ${fields.join('\n  ')}\n}`, variables: kind === 'alarmsToday' ? { since } : ({} as Record<string, string>) };
  }));
}

/** 00:00 today in China time, as the graph's DateTime (e.g. 2026-12-07T00:00:00+08:00). */
export function startOfTodayCst(now: Date): string {
  return `${new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`;
}

/** The rows of the table: each bureau's three counts, or why one is not shown. */
export function bureauCountsRows(
  cities: ReadonlyArray<{ readonly code: string; readonly name: string }>,
  answer: { readonly data?: Readonly<Record<string, unknown>> | null; readonly errors?: readonly GraphError[] },
): BureauCountsRow[] {
  const errorCodes = new Map<string, unknown>();
  for (const e of answer.errors ?? []) {
    const top = e.path?.[0];
    if (typeof top === 'string' && !errorCodes.has(top)) errorCodes.set(top, e.extensions?.code);
  }
  const count = (key: string): Count => {
    const field = answer.data && Object.hasOwn(answer.data, key) ? answer.data[key] : undefined;
    const total = (field as { totalCount?: unknown } | null | undefined)?.totalCount;
    if (typeof total === 'number') return { kind: 'value', value: total };
    const code = errorCodes.get(key);
    if (code === 'UNAUTHENTICATED') return { kind: 'needs-token' };
    if (code === 'FORBIDDEN') return { kind: 'no-access' };
    return { kind: 'unavailable' };
  };
  return cities.map(({ code, name }) => ({
    code,
    name,
    counts: Object.fromEntries(COUNT_KINDS.map((kind) => [kind, count(alias(kind, code))])) as Record<CountKind, Count>,
  }));
}

/** A count as the table cell reads, Chinese first. */
export function countText(count: Count): string {
  switch (count.kind) {
    case 'value': return String(count.value);
    case 'needs-token': return '需令牌 token';
    case 'no-access': return '无权限 no access';
    case 'unavailable': return '暂不可用 n/a';
    default: return count satisfies never;
  }
}
