/** Whether a list filter narrows anything (an unfiltered list is a plain slice of its index). */
export function hasFilter(filter: object): boolean {
  return Object.values(filter).some((v) => v !== undefined && v !== false);
}
