/**
 * An HJ 633 result as the graph's @shareable AqiResult: the colour as hex and name, pollutants as
 * codes (a pollutant tied at the top on both its 1 h and 8 h value is named once).
 */
import { formatStandardRef, pollutantName, type AqiPollutantRef, type AqiResult } from '../../standards/index.ts';

const codes = (refs: readonly AqiPollutantRef[]) => [...new Set(refs.map((r) => r.code))];

export function aqiResultView(result: AqiResult) {
  return {
    aqi: result.aqi,
    level: result.level,
    levelName: result.levelName,
    category: result.category,
    categoryEn: result.categoryEn,
    color: result.color.hex,
    colorName: result.color.name,
    primaryPollutants: codes(result.primaryPollutants),
    nonAttainment: codes(result.nonAttainment),
    iaqi: result.iaqi.map((e) => ({ ...e, name: pollutantName(e.code).zh })),
    report: result.report,
    version: `V${result.version}` as const,
    standard: formatStandardRef(result.standard),
  };
}
