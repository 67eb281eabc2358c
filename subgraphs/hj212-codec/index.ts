/** The HJ 212 codec: pure (no I/O, no node:* imports), bytes in and out as Uint8Array. */
export { createFrameSplitter, type FrameEvent, type FrameSkipReason, type FrameSplitter } from './createFrameSplitter.ts';
export {
  createSubpacketAssembler, type SubpacketAssembler, type SubpacketAssemblerOptions, type SubpacketOutcome, type SubpacketPart,
} from './createSubpacketAssembler.ts';
export { decodeFlag } from './decodeFlag.ts';
export { decodePacket, type Hj212DecodeOptions, type Hj212DecodeResult } from './decodePacket.ts';
export { encodeAck9014 } from './encodeAck9014.ts';
export { encodePacket, type Hj212CpInput, type Hj212PacketInput } from './encodePacket.ts';
export { formatHj212Qn, formatHj212Time } from './formatHj212Time.ts';
export { frameDataSegment } from './frameDataSegment.ts';
export {
  HJ212_DATA_ACK_CN, HJ212_DATA_CN, HJ212_INTERACTION_ST, HJ212_KNOWN_CNS, isHj212DataCn, type Hj212DataCn,
} from './hj212Commands.ts';
export { formatHj212Crc, hj212Crc16 } from './hj212Crc16.ts';
export { modbusCrc16 } from './modbusCrc16.ts';
export { HJ212_DEVIATION_LIST, HJ212_DEVIATIONS, type Hj212Deviation } from './Hj212Deviation.ts';
export { HJ212_DECODE_ERRORS, Hj212DecodeError, type Hj212DecodeErrorCode } from './Hj212DecodeError.ts';
export {
  HJ212_FRAME_OVERHEAD_BYTES, HJ212_MAX_CP_BYTES, HJ212_MAX_DATA_BYTES, HJ212_MAX_FRAME_BYTES, HJ212_MAX_VALUE_LENGTH,
  HJ212_TOLERATED_VALUE_LENGTH,
} from './hj212Limits.ts';
export type {
  Hj212Cp, Hj212DeclaredVersion, Hj212Flag, Hj212Packet, Hj212Pollutant, Hj212Subpacket,
} from './Hj212Packet.ts';
export { parseHj212Time } from './parseHj212Time.ts';
