/** npm start's relay of a child's output: whole lines, prefixed once each, one write per chunk. */
import { describe, expect, it } from 'vitest';
import { LinePrefixer } from '../../../devtools/launcher/LinePrefixer.ts';

function relay(skip?: (line: string) => boolean) {
  const writes: string[] = [];
  return { writes, prefixer: new LinePrefixer('gateway', (text) => writes.push(text), skip) };
}

describe('LinePrefixer', () => {
  it('writes a chunk of many lines once, each line prefixed', () => {
    const { writes, prefixer } = relay();
    prefixer.push('{"msg":"request","n":1}\n{"msg":"request","n":2}\n{"msg":"request","n":3}\n');
    expect(writes).toEqual(['[gateway] {"msg":"request","n":1}\n[gateway] {"msg":"request","n":2}\n[gateway] {"msg":"request","n":3}\n']);
  });

  it('keeps a line cut between two chunks whole', () => {
    const { writes, prefixer } = relay();
    prefixer.push('{"msg":"requ');
    expect(writes).toEqual([]);
    prefixer.push('est"}\n{"msg":"next');
    prefixer.push('"}\n');
    expect(writes.join('')).toBe('[gateway] {"msg":"request"}\n[gateway] {"msg":"next"}\n');
  });

  it('lets out a last line without a newline when the stream ends, and skips blank and filtered lines', () => {
    const { writes, prefixer } = relay((line) => / ready at /.test(line));
    prefixer.push('gateway ready at http://127.0.0.1:4000/graphql\n\n  \nfinal words');
    prefixer.flush();
    expect(writes.join('')).toBe('[gateway] final words\n');
  });

  it('does not hold an endless line: past 64 KiB without a newline it is let out', () => {
    const { writes, prefixer } = relay();
    prefixer.push('x'.repeat(70 * 1024));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toBe(`[gateway] ${'x'.repeat(70 * 1024)}\n`);
  });

  it("tells the child's last line whole, even when its death message came in two chunks", () => {
    const { prefixer } = relay();
    prefixer.push('starting\nError: listen EADDRIN');
    prefixer.push('USE: address already in use 127.0.0.1:4000\n\n');
    expect(prefixer.lastLine).toBe('Error: listen EADDRINUSE: address already in use 127.0.0.1:4000');
    prefixer.push('  at Server.listen');
    expect(prefixer.lastLine).toBe('at Server.listen');
  });
});
