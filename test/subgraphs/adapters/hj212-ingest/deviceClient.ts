/** A data logger's end of the connection for ingest tests: sends raw frames, collects what comes back. */
import { connect, type Socket } from 'node:net';
import { createFrameSplitter } from '../../../../subgraphs/hj212-codec/createFrameSplitter.ts';

export interface DeviceClient {
  send(frame: string | Uint8Array): Promise<void>;
  /** Frames received so far (acks), as text. */
  readonly received: readonly string[];
  /** Resolves when `n` frames have come back; rejects after `timeoutMs`. */
  waitForFrames(n: number, timeoutMs?: number): Promise<readonly string[]>;
  readonly closed: boolean;
  /** Resolves when the connection has closed (the ingest ended it, or close() did). */
  readonly whenClosed: Promise<void>;
  close(): Promise<void>;
}

export async function connectDevice(port: number): Promise<DeviceClient> {
  const socket: Socket = await new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port, noDelay: true }, () => resolve(s));
    s.once('error', reject);
  });
  const received: string[] = [];
  const waiters = new Set<() => void>();
  let closed = false;
  const splitter = createFrameSplitter();
  socket.on('data', (chunk: Buffer) => {
    for (const e of splitter.push(chunk)) if (e.kind === 'frame') received.push(new TextDecoder().decode(e.bytes));
    for (const w of waiters) w();
  });
  socket.on('error', () => {});
  const whenClosed = new Promise<void>((resolve) => socket.once('close', () => {
    closed = true;
    resolve();
  }));
  return {
    send: (frame) => new Promise((resolve, reject) => socket.write(frame, (e) => (e ? reject(e) : resolve()))),
    received,
    waitForFrames(n, timeoutMs = 2_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < n) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Expected ${n} frames back, got ${received.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    get closed() { return closed; },
    whenClosed,
    close: () => new Promise((resolve) => {
      if (closed) return resolve();
      socket.once('close', () => resolve());
      socket.end();
    }),
  };
}
