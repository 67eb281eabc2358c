import stringWidth from 'string-width';

/**
 * `npm start`'s table of services: the URLs start in one column on a terminal. Names are padded by
 * their display width (a CJK character takes two columns, string-width's East Asian Width), not by
 * their length in UTF-16 units, which left every URL after a Chinese name out of line.
 */
export function formatUrlTable(rows: ReadonlyArray<readonly [name: string, url: string]>, indent = '  '): string[] {
  const width = Math.max(0, ...rows.map(([name]) => stringWidth(name)));
  return rows.map(([name, url]) => `${indent}${name}${' '.repeat(width - stringWidth(name) + 1)}${url}`);
}
