/** Progress of a bulk write: rows written so far, and the total when it is known in advance. */
export type WriteProgress = (done: number, total?: number) => void;

/** A counter that reports to an optional WriteProgress. */
export function progressCounter(onProgress: WriteProgress | undefined, total: number | undefined): (n: number) => void {
  let done = 0;
  return (n) => {
    done += n;
    onProgress?.(done, total);
  };
}
