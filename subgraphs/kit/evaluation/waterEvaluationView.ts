/**
 * A GB 3838 evaluation as the graph shows it (WaterIndicatorClass, WaterPollutant and the fields both
 * WaterQualityAssessment and the region's results share): names beside codes, the standard as printed.
 * Shared by the bureaus and the region so that the @shareable types resolve the same everywhere.
 */
import type { StationRecord } from '../model.ts';
import { formatStandardRef, type WaterEvaluation, type WaterPollutant } from '../../standards/index.ts';
import { factorName } from './factorName.ts';

export function waterEvaluationView(evaluation: WaterEvaluation, station?: StationRecord) {
  const pollutant = (p: WaterPollutant) => ({ ...p, name: factorName(p.code, station) });
  return {
    standard: formatStandardRef(evaluation.standard),
    waterBody: evaluation.waterBody,
    waterClass: evaluation.waterClass,
    descriptor: evaluation.descriptor,
    targetClass: evaluation.targetClass,
    meetsTarget: evaluation.meetsTarget,
    indicators: evaluation.indicators.map((i) => ({ ...i, name: factorName(i.code, station) })),
    mainPollutants: evaluation.mainPollutants.map(pollutant),
    targetExceedances: evaluation.targetExceedances.map(pollutant),
    ignored: evaluation.ignored,
  };
}
