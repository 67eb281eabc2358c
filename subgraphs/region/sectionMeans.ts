/**
 * The period means of a section's station, from its bureau (through the region's loader), or a
 * clear error: INSUFFICIENT_DATA when the station reported nothing valid in the period. Null when the
 * section has no automatic station.
 */
import { ERRORS } from '../../schema/errors.ts';
import type { SectionRecord } from '../kit/model.ts';
import type { StationMean } from './CityData.ts';
import type { RegionContext } from './createRegionLoaders.ts';
import type { AssessmentPeriod } from './parsePeriod.ts';

export async function sectionMeans(section: SectionRecord, period: AssessmentPeriod, ctx: RegionContext): Promise<readonly StationMean[] | null> {
  if (!section.station) return null;
  const means = await ctx.loaders.stationMeans.load({
    cityCode: section.station.cityCode, stationId: section.station.id, from: period.from, to: period.to,
  });
  if (means === null) {
    throw ERRORS.INSUFFICIENT_DATA.err(`Section ${section.name} (${section.id}) has no valid readings in ${period.text}.`, {
      extensions: { reason: 'NO_VALID_READINGS', sectionId: section.id, period: period.text, cityCode: section.station.cityCode },
    });
  }
  return means;
}
