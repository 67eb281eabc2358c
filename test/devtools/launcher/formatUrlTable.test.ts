import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatUrlTable } from '../../../devtools/launcher/formatUrlTable.ts';

describe('formatUrlTable', () => {
  it('starts every URL in the same terminal column, Chinese names (two columns a character) included', () => {
    const lines = formatUrlTable([
      ['gateway (one graph)', 'http://127.0.0.1:4000/graphql'],
      ["analysts' IDE 分析人员 IDE", 'http://127.0.0.1:4000/'],
      ['region 区域', 'http://127.0.0.1:4001/graphql'],
      ['500152 潼南区', 'http://127.0.0.1:4012/graphql'],
    ]);
    const urlColumns = lines.map((line) => stringWidth(line.slice(0, line.indexOf('http://'))));
    expect(new Set(urlColumns).size).toBe(1);
    expect(lines[1]).toBe("  analysts' IDE 分析人员 IDE http://127.0.0.1:4000/");
    expect(lines[3]).toBe(`  500152 潼南区${' '.repeat(14)}http://127.0.0.1:4012/graphql`);
  });
});
