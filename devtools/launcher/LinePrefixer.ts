/**
 * A child's output stream → whole lines, each prefixed with the service's name, written in one
 * write per chunk read. A chunk read from a pipe ends anywhere: the part after its last newline waits
 * for the next chunk (else a line cut in two would show as two lines, each prefixed), and a chunk of
 * many lines (the gateway's log is written in batches under load) costs one write, not one per line.
 */

/** A line without a newline is let out once it is this long: a child cannot make the launcher hold unbounded text. */
const MAX_PENDING_CHARS = 64 * 1024;

export class LinePrefixer {
  #pending = '';
  #last = '';

  constructor(
    private readonly name: string,
    private readonly write: (text: string) => void,
    /** Lines to leave out (the "ready at" lines the launcher summarises itself). */
    private readonly skip: (line: string) => boolean = () => false,
  ) {}

  /** The next chunk read from the stream. */
  push(chunk: string): void {
    const text = this.#pending + chunk;
    const end = text.lastIndexOf('\n');
    if (end < 0 && text.length < MAX_PENDING_CHARS) {
      this.#pending = text;
      return;
    }
    const whole = end < 0 ? text : text.slice(0, end);
    this.#pending = end < 0 ? '' : text.slice(end + 1);
    this.emit(whole);
  }

  /** The last line the child wrote (the one it has not ended yet, if any): what it said before dying. */
  get lastLine(): string {
    return this.#pending.trim() || this.#last;
  }

  /** The stream ended: what is left of a last line without its newline. */
  flush(): void {
    const rest = this.#pending;
    this.#pending = '';
    this.emit(rest);
  }

  private emit(text: string): void {
    let out = '';
    for (const line of text.split('\n')) {
      const trimmed = line.trim();
      if (trimmed === '') continue;
      this.#last = trimmed;
      if (!this.skip(line)) out += `[${this.name}] ${line}\n`;
    }
    if (out !== '') this.write(out);
  }
}
