/**
 * The board's exchange panel: emergency information (应急信息, bulletins) exchanged between each pair
 * of bureaus over the last 12 months, from `bulletinExchange(from, to)` — each bureau counts what it
 * sent per recipient and the gateway concatenates the lists; the cooperation agreement's
 * "交换环境应急信息N条次" of a pair is both directions added. Shown as a sender × recipient matrix.
 *
 * The field needs a token: without one the panel says so (UNAUTHENTICATED at its path, never an
 * error on screen). Pure (no DOM).
 */

export const BULLETIN_EXCHANGE_QUERY = `query BoardBulletinExchange($from: DateTime!, $to: DateTime!) {
  bulletinExchange(from: $from, to: $to) { senderCityCode recipientCityCode count }
}`;

export interface ExchangeCount {
  readonly senderCityCode: string;
  readonly recipientCityCode: string;
  readonly count: number;
}

/** The last 12 months to the end of today, China time: [same day a year ago 00:00, tomorrow 00:00). */
export function exchangeWindow(now: Date): { readonly from: string; readonly to: string } {
  const cst = new Date(now.getTime() + 8 * 3_600_000);
  const day = (y: number, m: number, d: number) => `${new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10)}T00:00:00+08:00`;
  const [y, m, d] = [cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate()];
  return { from: day(y - 1, m, d), to: day(y, m, d + 1) };
}

export interface ExchangeMatrix {
  /** The bureaus in the graph's order, then any code only the counts named. */
  readonly bureaus: ReadonlyArray<{ readonly code: string; readonly name: string }>;
  /** `cells[i][j]`: bulletins bureau i sent bureau j. */
  readonly cells: ReadonlyArray<ReadonlyArray<number>>;
  /** Each unordered pair with any exchange, both directions added, most first. */
  readonly pairs: ReadonlyArray<{ readonly a: string; readonly b: string; readonly count: number }>;
  readonly total: number;
}

/** Counts → the matrix; a pair listed twice is added up, and counts that are not whole numbers ≥ 0 are skipped. */
export function exchangeMatrix(
  cities: ReadonlyArray<{ readonly code: string; readonly name: string }>,
  counts: readonly ExchangeCount[],
): ExchangeMatrix {
  const bureaus = [...cities.map((c) => ({ code: c.code, name: c.name }))];
  const index = new Map(bureaus.map((b, i) => [b.code, i]));
  const valid = counts.filter((c) => Number.isInteger(c.count) && c.count >= 0);
  for (const c of valid) {
    for (const code of [c.senderCityCode, c.recipientCityCode]) {
      if (!index.has(code)) {
        index.set(code, bureaus.length);
        bureaus.push({ code, name: code });
      }
    }
  }
  const cells = bureaus.map(() => bureaus.map(() => 0));
  for (const c of valid) cells[index.get(c.senderCityCode)!]![index.get(c.recipientCityCode)!]! += c.count;
  const pairs: Array<{ a: string; b: string; count: number }> = [];
  for (let i = 0; i < bureaus.length; i++) {
    for (let j = i + 1; j < bureaus.length; j++) {
      const count = cells[i]![j]! + cells[j]![i]!;
      if (count > 0) pairs.push({ a: bureaus[i]!.name, b: bureaus[j]!.name, count });
    }
  }
  pairs.sort((x, y) => y.count - x.count);
  return { bureaus, cells, pairs, total: valid.reduce((n, c) => n + c.count, 0) };
}
