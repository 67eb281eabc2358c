/**
 * Section.assessment: the bureau's period means of the section's station, assessed by the region
 * against the section's own target class (GB 3838-2002 single-factor method). The region owns the
 * target and the assessment policy; the bureau only measures and averages. Factors GB 3838 does not
 * know are left out, as standards/assessWaterPeriod does.
 */
import type { SectionRecord } from '../kit/model.ts';
import { runStandard } from '../kit/evaluation/mapStandardsError.ts';
import { waterEvaluationView } from '../kit/evaluation/waterEvaluationView.ts';
import { evaluateWaterSample, findWaterIndicator, findWaterStandard } from '../standards/index.ts';
import type { RegionContext } from './createRegionLoaders.ts';
import { parsePeriod } from './parsePeriod.ts';
import { sectionMeans } from './sectionMeans.ts';

export async function sectionAssessment(section: SectionRecord, args: { period: string }, ctx: RegionContext) {
  const period = parsePeriod(args.period);
  const means = await sectionMeans(section, period, ctx);
  if (!means || !section.station) return null;
  const standard = findWaterStandard();
  const known = means.filter((m) => findWaterIndicator(standard, m.code) || standard.unclassed.includes(m.code.toLowerCase()));
  const evaluation = runStandard('READINGS', () =>
    evaluateWaterSample({ values: known, waterBody: 'RIVER', targetClass: section.targetClass, standard: standard.ref }));
  return {
    section,
    period: period.text,
    from: period.from,
    to: period.to,
    station: section.station,
    ...waterEvaluationView(evaluation),
    targetClass: section.targetClass,
    meetsTarget: evaluation.meetsTarget === true,
    means,
  };
}
