/**
 * GB 3838-2002 Table 1 basic items (verified against two public transcriptions and
 * sm1lewc/Journey.SurfaceWater). Limits in the standard's units: mg/L, pH dimensionless, fecal
 * coliform 个/L. HJ 212 Appendix B lists Hg/Cd/Cr(VI)/As/Pb in µg/L — convert before evaluating.
 * Boundaries are inclusive; where adjacent classes share a limit the best class wins (as in
 * Journey.SurfaceWater's GradeService; docs/water-quality.md).
 */
import type { Limit } from './Limit.ts';
import type { WaterQualityStandard } from './WaterQualityStandard.ts';

const atMost = (unit: string, ...limits: number[]): Limit[] => limits.map((max) => ({ min: null, max, unit }));
const atLeast = (unit: string, ...limits: number[]): Limit[] => limits.map((min) => ({ min, max: null, unit }));
/** The same range for all five classes (pH). */
const within = (unit: string, min: number, max: number): Limit[] => [1, 2, 3, 4, 5].map(() => ({ min, max, unit }));
const MG = 'mg/L';

export const GB3838_2002: WaterQualityStandard = {
  ref: { standard: 'GB 3838', version: '2002' },
  title: '地表水环境质量标准',
  inForceFrom: '2002-06-01',
  indicators: [
    // pH has one range for classes I–V, so a pH inside it is class I and outside it 劣V (as in
    // Journey.SurfaceWater's GradeService).
    { code: 'w01001', role: 'EVALUATED', river: within('', 6, 9), hasMultiple: false,
      mean: 'HYDROGEN_ION',
      note: 'pH mean via [H+] per 《地表水环境质量监测数据统计技术规定（试行）》2020 — its text not checked; as in Journey.SurfaceWater PHAverageService [unverified]' },
    // Class I is "7.5 (or 90 % saturation)"; saturation needs temperature, so only 7.5 is used.
    { code: 'w01009', role: 'EVALUATED', river: atLeast(MG, 7.5, 6, 5, 3, 2), hasMultiple: false, mean: 'ARITHMETIC' },
    { code: 'w01019', role: 'EVALUATED', river: atMost(MG, 2, 4, 6, 10, 15), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w01018', role: 'EVALUATED', river: atMost(MG, 15, 15, 20, 30, 40), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w01017', role: 'EVALUATED', river: atMost(MG, 3, 3, 4, 6, 10), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w21003', role: 'EVALUATED', river: atMost(MG, 0.15, 0.5, 1.0, 1.5, 2.0), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w21011', role: 'EVALUATED', river: atMost(MG, 0.02, 0.1, 0.2, 0.3, 0.4),
      lake: atMost(MG, 0.01, 0.025, 0.05, 0.1, 0.2), hasMultiple: true, mean: 'ARITHMETIC' },
    // TN (GB 3838-2002 表1 item 9, "湖、库，以N计") is not one of the 21 evaluation indicators of
    // 环办〔2011〕22号 for any water body: it is classed and reported, never sets the class. 表1's TN
    // limits are for lakes/reservoirs; a river's TN is classed against them too, for information only
    // (docs/water-quality.md).
    { code: 'w21001', role: 'REFERENCE', river: atMost(MG, 0.2, 0.5, 1.0, 1.5, 2.0), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w20122', role: 'EVALUATED', river: atMost(MG, 0.01, 1.0, 1.0, 1.0, 1.0), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w20123', role: 'EVALUATED', river: atMost(MG, 0.05, 1.0, 1.0, 2.0, 2.0), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w21017', role: 'EVALUATED', river: atMost(MG, 1.0, 1.0, 1.0, 1.5, 1.5), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w20128', role: 'EVALUATED', river: atMost(MG, 0.01, 0.01, 0.01, 0.02, 0.02), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w20141', role: 'EVALUATED', river: atMost(MG, 0.05, 0.05, 0.05, 0.1, 0.1), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w20111', role: 'EVALUATED', river: atMost(MG, 0.00005, 0.00005, 0.0001, 0.001, 0.001), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w20115', role: 'EVALUATED', river: atMost(MG, 0.001, 0.005, 0.005, 0.005, 0.01), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w20117', role: 'EVALUATED', river: atMost(MG, 0.01, 0.05, 0.05, 0.05, 0.1), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w20120', role: 'EVALUATED', river: atMost(MG, 0.01, 0.01, 0.05, 0.05, 0.1), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w21016', role: 'EVALUATED', river: atMost(MG, 0.005, 0.05, 0.2, 0.2, 0.2), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w23002', role: 'EVALUATED', river: atMost(MG, 0.002, 0.002, 0.005, 0.01, 0.1), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w22001', role: 'EVALUATED', river: atMost(MG, 0.05, 0.05, 0.05, 0.5, 1.0), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w19002', role: 'EVALUATED', river: atMost(MG, 0.2, 0.2, 0.2, 0.3, 0.3), hasMultiple: true, mean: 'ARITHMETIC' },
    { code: 'w21019', role: 'EVALUATED', river: atMost(MG, 0.05, 0.1, 0.2, 0.5, 1.0), hasMultiple: true, mean: 'ARITHMETIC' },
    // Fecal coliform is classed but evaluated separately, never in the section class (环办〔2011〕22号).
    { code: 'w02003', role: 'REFERENCE', river: atMost('个/L', 200, 2000, 10000, 20000, 40000), hasMultiple: true, mean: 'ARITHMETIC' },
  ],
  // Water temperature has no class limit (GB 3838-2002 表1 item 1); turbidity and conductivity are
  // station parameters outside 表1 (docs/water-quality.md, "Automatic stations").
  unclassed: ['w01010', 'w01003', 'w01014'],
  // Journey.SurfaceWater's GB 3838 table gives As as w20141, while the HJ 212-2017 Appendix B
  // extract in srdgame/lua-HJ212 lists 总砷 as w20119; which one a station sends is unresolved, so
  // both are accepted.
  aliases: { w20119: 'w20141' },
  mainPollutantCount: 3,
  mainPollutantBase: 'III',
};
