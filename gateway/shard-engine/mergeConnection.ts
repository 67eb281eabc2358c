/**
 * A fan-out connection merged across bureaus (README.md, "How the gateway joins the bureaus"): the
 * bureaus' pages k-way merged on (sort, cityCode, id) and cut at `first`, composite cursors,
 * `hasNextPage` if any answering bureau has more, `totalCount` summed. The result is shaped from the
 * client's own selection, so the hidden `__shard_` selections never show.
 *
 * Missing bureaus: each failed (or no longer served) bureau adds CITY_UNAVAILABLE at the field and
 * the others still merge; only when every asked bureau failed is the field null. `hasNextPage` counts
 * answering bureaus only, but `endCursor` keeps a failed bureau's position, so continuing the walk
 * retries it. Bureau errors under `edges[i]` move to the item's merged index; an error on an item
 * that did not make this page, or under a hidden selection, goes onto the field's own path.
 * A bureau named in `cityCodes` outside the caller's jurisdiction adds FORBIDDEN at the field and
 * counts like an asked bureau that failed.
 */
import { cityError } from './cityError.ts';
import { cityUnavailableError } from './cityUnavailableError.ts';
import type { CityPart } from './CityPart.ts';
import { collectFields, subSelections, type CollectedField, type SelectionScope } from './collectFields.ts';
import { composeCursors } from './composeCursors.ts';
import type { ErrorSink } from './ErrorSink.ts';
import { forbiddenCityError } from './forbiddenCityError.ts';
import { unknownCityError } from './unknownCityError.ts';
import { getOwn } from './getOwn.ts';
import { mergeSortedPages, type MergedItem } from './mergeSortedPages.ts';
import type { ConnectionPage } from './planConnectionPage.ts';
import { HIDDEN, type ConnectionInfo } from './readConnections.ts';
import { readCityPage, type CityPage } from './readCityPage.ts';
import { shapeObject } from './shapeObject.ts';

export interface ConnectionTask {
  readonly key: string;
  readonly field: CollectedField;
  readonly info: ConnectionInfo;
  readonly page: ConnectionPage;
}

export function mergeConnection(task: ConnectionTask, parts: readonly CityPart[], errors: ErrorSink, scope: SelectionScope): unknown {
  const { key, field, info, page } = task;
  const pages: CityPage[] = [];
  for (const part of parts) {
    if (part.kind === 'failed') errors.push(cityUnavailableError(part.city, part.reason, [key]));
    else {
      const cityPage = readCityPage(part.city, part.value, page.first, page.sort);
      if (cityPage) pages.push(cityPage);
    }
  }
  for (const city of page.unserved) errors.push(cityUnavailableError(city, 'not-served', [key]));
  for (const city of page.forbidden) errors.push(forbiddenCityError(city, [key]));
  for (const city of page.unknown) errors.push(unknownCityError(city, [key]));
  const merged = mergeSortedPages(pages, page.first, page.sort.direction);
  const fields = collectFields(subSelections(field), info.connectionType, scope);
  const edgeFields = new Map(fields.filter((f) => f.name === 'edges').map((f) => [f.key, collectFields(subSelections(f), info.edgeType, scope)]));
  const everyEdge = [...edgeFields.values()].some((edge) => edge.some((f) => f.name === 'cursor'));
  const { cursors, endCursor, hasNextPage } = composeCursors(info.field, page, pages, merged, everyEdge);
  remapErrors(task, parts, merged, pages, new Set(edgeFields.keys()), errors);
  if (parts.length + page.forbidden.length > 0 && pages.length === 0) return null;

  const shapeEdge = (fieldsOfEdge: readonly CollectedField[], edgesKey: string, { page: index, item }: MergedItem, m: number) => {
    const list = getOwn((pages[index] as CityPage).value, edgesKey);
    const cityEdge = Array.isArray(list) ? list[item] : undefined;
    return shapeObject(fieldsOfEdge, (f) =>
      f.name === 'cursor' ? cursors[m] : f.name === '__typename' ? info.edgeType : getOwn(cityEdge, f.key) ?? null);
  };
  return shapeObject(fields, (f) => {
    switch (f.name) {
      case 'edges': {
        const fieldsOfEdge = edgeFields.get(f.key) ?? [];
        return merged.map((item, m) => shapeEdge(fieldsOfEdge, f.key, item, m));
      }
      case 'pageInfo':
        return shapeObject(collectFields(subSelections(f), info.pageInfoType, scope), (p) =>
          p.name === 'hasNextPage' ? hasNextPage : p.name === 'endCursor' ? endCursor : p.name === '__typename' ? info.pageInfoType : null);
      case 'totalCount':
        return pages.reduce((sum, p) => sum + p.totalCount, page.carriedTotal);
      case '__typename':
        return info.connectionType;
      default:
        return getOwn(pages[0]?.value, f.key) ?? null;
    }
  });
}

function remapErrors(
  task: ConnectionTask,
  parts: readonly CityPart[],
  merged: readonly MergedItem[],
  pages: readonly CityPage[],
  edgesKeys: ReadonlySet<string>,
  errors: ErrorSink,
): void {
  const mergedIndex = new Map<string, number>();
  merged.forEach(({ page, item }, m) => mergedIndex.set(`${pages[page]?.city}:${item}`, m));
  const onField = new Set<string>();
  for (const part of parts) {
    if (part.kind !== 'ok') continue;
    for (const error of part.errors) {
      const path = error.path ?? [task.key];
      const [, child, index] = path;
      const underEdges = typeof child === 'string' && edgesKeys.has(child);
      const m = underEdges && typeof index === 'number' ? mergedIndex.get(`${part.city}:${index}`) : undefined;
      if (m !== undefined) {
        errors.push(cityError(error, part.city, [task.key, child as string, m, ...path.slice(3)]));
        continue;
      }
      if (underEdges || (typeof child === 'string' && child.startsWith(HIDDEN.prefix))) {
        const seen = `${part.city}\u0000${error.message}`;
        if (!onField.has(seen)) errors.push(cityError(error, part.city, [task.key]));
        onField.add(seen);
        continue;
      }
      errors.push(cityError(error, part.city, path));
    }
  }
}
