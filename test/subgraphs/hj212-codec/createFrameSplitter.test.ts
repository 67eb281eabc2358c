import { describe, expect, it } from 'vitest';
import { createFrameSplitter, type FrameEvent } from '../../../subgraphs/hj212-codec/createFrameSplitter.ts';
import { decodePacket } from '../../../subgraphs/hj212-codec/decodePacket.ts';
import { encodePacket } from '../../../subgraphs/hj212-codec/encodePacket.ts';
import { unwrapFrame } from '../../../subgraphs/hj212-codec/unwrapFrame.ts';
import { createRng, type Rng } from '../../../devtools/demo-world/createRng.ts';
import { bytes, MALFORMED_BASIS, samplePacket, text } from '../../fixtures/hj212/hj212Fixtures.ts';

const A = samplePacket('waste-water-realtime-2011').frame;
const B = samplePacket('ambient-air-hourly-2061').frame;

/** Frames as text and skips as `reason:bytes`, for whole-sequence comparisons. */
function summary(events: readonly FrameEvent[]): string[] {
  return events.map((e) => (e.kind === 'frame' ? text(e.bytes) : `${e.reason}:${e.byteCount}`));
}

function splitAll(chunks: readonly Uint8Array[]): string[] {
  const splitter = createFrameSplitter();
  return summary([...chunks.flatMap((c) => splitter.push(c)), ...splitter.end()]);
}

describe('createFrameSplitter', () => {
  it('yields every packet of a chunk that holds several', () => {
    expect(splitAll([bytes(A + B + A)])).toEqual([A, B, A]);
  });

  it('yields the same two frames wherever a two-packet stream is cut (every byte boundary, two cuts)', () => {
    const stream = bytes(A + B);
    for (let i = 0; i <= stream.length; i++) {
      expect(splitAll([stream.subarray(0, i), stream.subarray(i)])).toEqual([A, B]);
    }
    for (let i = 0; i <= stream.length; i += 7) {
      for (let j = i; j <= stream.length; j += 11) {
        expect(splitAll([stream.subarray(0, i), stream.subarray(i, j), stream.subarray(j)])).toEqual([A, B]);
      }
    }
  });

  it('yields both frames when the stream arrives one byte at a time', () => {
    const stream = bytes(A + B);
    expect(splitAll([...stream].map((b) => Uint8Array.of(b)))).toEqual([A, B]);
  });

  it('skips garbage before and between packets up to the next ##, saying how many bytes', () => {
    expect(splitAll([bytes(`AT+OK\r\n${A}\r\n#x#${B}junk`)])).toEqual(['garbage:7', A, 'garbage:5', B, 'garbage:4']);
  });

  it('holds a trailing "#" in case it begins the next header', () => {
    const splitter = createFrameSplitter();
    expect(summary(splitter.push(bytes(`noise#`)))).toEqual(['garbage:5']);
    expect(summary(splitter.push(bytes(A.slice(1))))).toEqual([A]);
  });

  it('reports a frame whose tail was lost as truncated and keeps the next packet', () => {
    const cut = A.slice(0, 80);
    expect(splitAll([bytes(cut + B)])).toEqual([`truncated:${cut.length}`, B]);
  });

  it('passes a frame with a lying length field on whole, for the decoder to reject, and stays in step', () => {
    const lying = MALFORMED_BASIS.replace('##0170', '##0150');
    const events = splitAll([bytes(lying + A)]);
    expect(events).toEqual([lying, A]);
    expect(decodePacket(events[0]!)).toMatchObject({ ok: false, error: { code: 'HJ212_BAD_LENGTH' } });
  });

  it('refuses a frame declaring more than 1024 bytes as soon as its length arrives, then resumes at the next packet', () => {
    const splitter = createFrameSplitter();
    expect(summary(splitter.push(bytes('##9999QN=1;')))).toEqual(['oversize:6']);
    expect(summary(splitter.push(bytes('x'.repeat(50_000))))).toEqual([]);
    expect(summary(splitter.push(bytes(`yyy\r\n${A}`)))).toEqual([A]);
  });

  it('refuses a frame with no CR LF within 1036 bytes without holding more than one frame', () => {
    const splitter = createFrameSplitter();
    const events: FrameEvent[] = [];
    events.push(...splitter.push(bytes(`##0100${'z'.repeat(500)}`)));
    expect(events).toEqual([]);
    for (let k = 0; k < 100; k++) events.push(...splitter.push(bytes('z'.repeat(1000))));
    events.push(...splitter.push(bytes(`\r\n${B}`)));
    expect(summary(events)).toEqual(['oversize:1036', B]);
  });

  it('reports a partial frame left at the end of the stream as truncated', () => {
    const splitter = createFrameSplitter();
    expect(summary(splitter.push(bytes(A + B.slice(0, 40))))).toEqual([A]);
    expect(summary(splitter.end())).toEqual(['truncated:40']);
  });

  it('hands out frames that later chunks cannot change', () => {
    const splitter = createFrameSplitter();
    const chunk = bytes(A);
    const [event] = splitter.push(chunk);
    chunk.fill(0);
    splitter.push(bytes(B));
    expect(event?.kind === 'frame' && text(event.bytes)).toBe(A);
  });

  it('recovers every good packet, in order, from a noisy stream cut into random chunks', () => {
    let seed = 212;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const good = [A, B, samplePacket('appendix-a-1062').frame, samplePacket('surface-water-hourly-2061').frame];
    const noise = ['AT+OK\r\n', '\r\n', '#', A.slice(0, 50), B.replace(/[0-9A-F]{4}\r\n$/, '0000\r\n'), '##9999xyz\r\n'];
    for (let run = 0; run < 50; run++) {
      const expected: string[] = [];
      let stream = '';
      for (let k = 0; k < 20; k++) {
        if (random() < 0.6) {
          const p = good[Math.floor(random() * good.length)]!;
          expected.push(p);
          stream += p;
        } else {
          stream += noise[Math.floor(random() * noise.length)]!;
        }
      }
      const all = bytes(stream);
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < all.length;) {
        const size = 1 + Math.floor(random() * 300);
        chunks.push(all.subarray(at, at + size));
        at += size;
      }
      const decoded = splitAll(chunks).filter((f) => f.startsWith('##') && decodePacket(f).ok);
      expect(decoded).toEqual(expected);
    }
  });

  it('keeps the next packet when a cut frame\'s length field happens to equal the distance to that packet\'s CR LF', () => {
    const cut = alignedCut(A.slice(6, 60), B);
    expect(splitAll([bytes(cut + B)])).toEqual([`truncated:${cut.length}`, B]);
  });

  it('keeps the innermost packet that checks when cut frames with lined-up lengths are nested', () => {
    const inner = alignedCut(B.slice(6, 30), A);
    const outer = alignedCut(A.slice(6, 40), inner + A);
    expect(splitAll([bytes(outer + inner + A)])).toEqual([`truncated:${outer.length + inner.length}`, A]);
  });
});

/** A frame cut after `data`, whose length field says exactly the bytes up to `next`'s CR LF (so only the CRC tells). */
function alignedCut(data: string, next: string): string {
  const span = 6 + data.length + next.length;
  return `##${String(span - 12).padStart(4, '0')}${data}`;
}

describe('createFrameSplitter, property: valid packets among garbage and cut frames', () => {
  const GARBAGE = ['#', '##', '\r', '\n', '\r\n', '0', '9', 'A', 'f', ';', '=', '&', 'x', ' ', '\u0000', '\u00ff', '##12', '##9999'];

  function packet(n: number): string {
    const time = `202403${String(10 + (n % 18)).padStart(2, '0')}${String(n % 24).padStart(2, '0')}${String(n % 60).padStart(2, '0')}00`;
    return text(encodePacket({
      qn: `${time}${String(n % 1000).padStart(3, '0')}`, st: '32', cn: '2011', pw: '123456', mn: `500153WW${String(n).padStart(16, '0')}`, flag: 5,
      cp: { dataTime: time, pollutants: [{ code: 'w01018', fields: [['Rtd', (n * 1.7).toFixed(1)], ['Flag', 'N']] }] },
    }));
  }

  function garbage(rng: Rng): string {
    return Array.from({ length: rng.int(1, 12) }, () => rng.pick(GARBAGE)).join('');
  }

  /** A prefix of a packet, cut before its CRC is complete; sometimes with its length made to line up with what follows. */
  function cut(rng: Rng, of: string, following: string): string {
    const prefix = of.slice(0, rng.int(2, of.length - 4));
    if (prefix.length < 6 || !rng.chance(0.5)) return prefix;
    const crlf = following.indexOf('\r\n');
    if (crlf < 0) return prefix;
    const length = prefix.length + crlf + 2 - 12;
    return length >= 0 && length <= 9999 ? `##${String(length).padStart(4, '0')}${prefix.slice(6)}` : prefix;
  }

  it('yields every valid packet exactly once, in order, whatever lies between them and however the stream is chunked', () => {
    const rng = createRng('issue-17/hj212-framing');
    for (let run = 0; run < 300; run++) {
      const packets = Array.from({ length: rng.int(1, 8) }, (_, k) => packet(run * 10 + k));
      let stream = '';
      for (const [k, p] of packets.entries()) {
        // Between packets: garbage and cut frames (of this packet or another), in any order.
        let before = '';
        for (let n = rng.int(0, 3); n > 0; n--) before = rng.chance(0.5) ? before + garbage(rng) : cut(rng, rng.pick(packets), before + p) + before;
        stream += before + p;
        if (k === packets.length - 1 && rng.chance(0.3)) stream += rng.chance(0.5) ? garbage(rng) : cut(rng, p, '');
      }
      const all = bytes(stream);
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < all.length;) {
        const size = rng.chance(0.1) ? all.length : rng.int(1, 400);
        chunks.push(all.subarray(at, at + size));
        at += size;
      }
      const valid = splitAll(chunks).filter((f) => f.startsWith('##') && isValidFrame(f));
      expect(valid, `run ${run}: ${JSON.stringify(stream)}`).toEqual(packets);
    }
  });
});

function isValidFrame(frame: string): boolean {
  try {
    unwrapFrame(bytes(frame));
    return true;
  } catch {
    return false;
  }
}
