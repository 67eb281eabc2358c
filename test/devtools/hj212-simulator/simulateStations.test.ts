/**
 * The station simulator `npm start` runs for as long as the federation: it must not accumulate
 * listeners on its stop signal (one per station per packet gap was a MaxListenersExceededWarning
 * in every run).
 */
import { getEventListeners } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { expect, it } from 'vitest';
import { simulateStations } from '../../../devtools/hj212-simulator/simulateStations.ts';
import { hj212Station } from '../../subgraphs/adapters/hj212-ingest/ingestFixture.ts';

it('leaves no abort listener behind on its stop signal after many packet gaps', async () => {
  const sockets = new Set<Socket>();
  const sink = createServer((socket) => {
    sockets.add(socket);
    socket.resume(); // an ingest that takes everything and never acks
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const stop = new AbortController();
  try {
    const stations = [1, 2, 3].map((n) => hj212Station(n, `500153WW${String(n).padStart(16, '0')}`, 'POLLUTION_SOURCE', 'REALTIME'));
    await simulateStations({
      port: (sink.address() as AddressInfo).port, stations, packetsPerStation: 20, ratePerStation: 2_000,
      ackRequested: false, signal: stop.signal,
    });
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  }
});
