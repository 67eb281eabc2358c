/**
 * The region's standards fields that need no bureau data: GB 3838 sample evaluation, HJ 633 AQI,
 * incident grading. Values come from the caller, so the calculators' refusals are
 * INVALID_STANDARDS_INPUT with the calculator's code as `reason`.
 */
import { aqiResultView } from '../kit/evaluation/aqiResultView.ts';
import { aqiVersionOf, type AqiVersionEnum } from '../kit/evaluation/aqiVersionOf.ts';
import { runStandard } from '../kit/evaluation/mapStandardsError.ts';
import { waterEvaluationView } from '../kit/evaluation/waterEvaluationView.ts';
import {
  computeAqi, evaluateWaterSample, formatStandardRef, gradeIncident, INCIDENT_GRADING_2014,
  type AqiConcentration, type AqiReport, type IncidentFacts, type WaterBody, type WaterClass, type WaterSampleValue,
} from '../standards/index.ts';

interface EvaluateWaterSampleArgs {
  readonly values: readonly WaterSampleValue[];
  readonly waterBody: WaterBody;
  readonly targetClass?: WaterClass | null;
}

interface ComputeAqiArgs {
  readonly report: AqiReport;
  readonly concentrations: readonly AqiConcentration[];
  readonly version?: AqiVersionEnum | null;
}

export function standardsResolvers() {
  return {
    Query: {
      evaluateWaterSample: (_: unknown, args: EvaluateWaterSampleArgs) =>
        waterEvaluationView(runStandard('ARGUMENTS', () => evaluateWaterSample(args))),
      computeAqi: (_: unknown, args: ComputeAqiArgs) =>
        aqiResultView(runStandard('ARGUMENTS', () =>
          computeAqi({ report: args.report, concentrations: args.concentrations, version: aqiVersionOf(args.version) }))),
      gradeIncident: (_: unknown, args: { facts: IncidentFacts }) => ({
        ...runStandard('ARGUMENTS', () => gradeIncident(args.facts)),
        standard: formatStandardRef(INCIDENT_GRADING_2014.ref),
      }),
    },
  };
}
