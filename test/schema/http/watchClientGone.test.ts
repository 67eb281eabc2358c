/**
 * After a client's FIN the HTTP edge cannot tell a half-closed client (still reading) from one that
 * is gone: it probes with `102 Processing`. A gone client cancels its work; a half-closed one is
 * answered; an HTTP/1.0 one is answered without a 1xx it must not get.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { watchClientGone } from '../../../schema/http/watchClientGone.ts';

interface Held { req: IncomingMessage; res: ServerResponse; signal: AbortSignal }

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** A server that holds every request until the test answers it; as the HTTP edge, it allows half-open sockets. */
async function holdingServer(): Promise<{ port: number; next: () => Promise<Held> }> {
  const waiting: Array<(held: Held) => void> = [];
  server = createServer((req, res) => {
    const signal = watchClientGone(req, res);
    req.resume();
    req.on('end', () => waiting.shift()?.({ req, res, signal }));
  });
  (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    next: () => new Promise<Held>((resolve) => waiting.push(resolve)),
  };
}

const REQUEST = (version: string) => `POST /graphql HTTP/${version}\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}`;

describe('watchClientGone', () => {
  it('aborts when the client closed its socket altogether while its answer was being worked out', async () => {
    const { port, next } = await holdingServer();
    const held = next();
    const socket = connect(port, '127.0.0.1', () => socket.write(REQUEST('1.1')));
    const { signal } = await held;
    socket.destroy(); // FIN, and the socket reads no more
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    expect(signal.aborted).toBe(true);
  });

  it('answers a client that half-closed and still reads: it sees 102 Processing, then its answer, and nothing is cancelled', async () => {
    const { port, next } = await holdingServer();
    const held = next();
    let raw = '';
    const closed = new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(REQUEST('1.1')));
      socket.setEncoding('utf8').on('data', (text: string) => (raw += text));
      socket.on('close', () => resolve());
    });
    const { res, signal } = await held;
    await expect.poll(() => raw, { timeout: 5_000 }).toContain('HTTP/1.1 102 Processing\r\n\r\n');
    res.end('answer');
    await closed;
    expect(raw).toMatch(/^(HTTP\/1\.1 102 Processing\r\n\r\n)+HTTP\/1\.1 200 OK\r\n/);
    expect(raw.endsWith('answer')).toBe(true);
    expect(signal.aborted).toBe(false);
  });

  it('sends an HTTP/1.0 client that half-closed no 1xx, only its answer', async () => {
    const { port, next } = await holdingServer();
    const held = next();
    let raw = '';
    const closed = new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(REQUEST('1.0')));
      socket.setEncoding('utf8').on('data', (text: string) => (raw += text));
      socket.on('close', () => resolve());
    });
    const { req, res, signal } = await held;
    // Answer only once the server has seen the FIN, when a probe would have been sent.
    if (!req.socket.readableEnded) await new Promise((resolve) => req.socket.once('end', resolve));
    res.end('answer');
    await closed;
    expect(raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(raw).not.toContain('102');
    expect(signal.aborted).toBe(false);
  });
});
