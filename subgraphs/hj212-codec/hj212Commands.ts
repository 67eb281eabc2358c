/**
 * The CN command codes the codec accepts: HJ 212-2017's 命令编码表 (§6.6.5, 表9) plus the
 * codes one implementation (caoyiliang/HJ212) adds: 2025 or local extensions [unverified], e.g. the
 * 9015 heartbeat. Anything else is HJ212_UNKNOWN_CN, so a new code is one line here.
 */
export const HJ212_KNOWN_CNS: ReadonlySet<string> = new Set([
  // Initialisation and parameters (HJ 212-2017)
  '1000', '1011', '1012', '1013', '1061', '1062', '1063', '1064', '1072',
  // Data (HJ 212-2017)
  '2011', '2012', '2021', '2022', '2031', '2041', '2051', '2061', '2081',
  // Control (HJ 212-2017)
  '3011', '3012', '3013', '3014', '3015', '3016', '3017', '3018', '3019', '3020', '3021',
  // Interaction (HJ 212-2017)
  '9011', '9012', '9013', '9014',
  // Seen in one implementation only, probably 2025 or local extensions [unverified]
  '1001', '1002', '1014', '2013', '2052', '2062', '2111', '3022', '3024', '9015',
]);

/** The pollutant-data uploads (HJ 212-2017 §6.6.5 表9: 2011, 2051, 2061, 2031): real-time, minute, hourly and daily data. */
export const HJ212_DATA_CN = {
  realtime: '2011',
  minute: '2051',
  hourly: '2061',
  daily: '2031',
} as const;

export type Hj212DataCn = (typeof HJ212_DATA_CN)[keyof typeof HJ212_DATA_CN];

/** The data response (数据应答) a platform sends for an upload that asked for one (Flag bit A). */
export const HJ212_DATA_ACK_CN = '9014';

/** ST of the responses 9011–9014: system interaction (HJ 212-2017 §6.6.1 表5 系统编码表). */
export const HJ212_INTERACTION_ST = '91';

export function isHj212DataCn(cn: string): cn is Hj212DataCn {
  return cn === '2011' || cn === '2051' || cn === '2061' || cn === '2031';
}
