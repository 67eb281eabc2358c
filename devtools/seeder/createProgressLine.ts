/** One status line: rewritten in place on a terminal, throttled to occasional lines elsewhere (CI logs). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export function createProgressLine(stream: ProgressStream) {
  const tty = stream.isTTY === true;
  let last = 0;
  return {
    update(text: string): void {
      const now = Date.now();
      if (tty) {
        if (now - last < 100) return;
        stream.write(`\r\x1b[2K${text}`);
      } else {
        if (now - last < 2_000) return;
        stream.write(`${text}\n`);
      }
      last = now;
    },
    done(text: string): void {
      stream.write(tty ? `\r\x1b[2K${text}\n` : `${text}\n`);
    },
  };
}
