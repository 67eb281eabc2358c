/**
 * Compensation agreements (standards/compensationAgreements: placeholder amounts, marked unverified)
 * and their settlement for a period: each section's period means come from its station's bureau
 * through the gateway, for the period and for the comparison period; standards/settle turns them
 * into outcomes and transfers. A comparison period without data only means "no trend"; a bureau that
 * cannot answer fails the settlement (money must not move on half the data).
 */
import { ERRORS } from '../../schema/errors.ts';
import type { SectionRecord } from '../kit/model.ts';
import { runStandard } from '../kit/evaluation/mapStandardsError.ts';
import {
  COMPENSATION_AGREEMENTS, formatStandardRef, settle,
  type AgreementParty, type AgreementSection, type CompensationAgreement, type SectionAssessment, type SectionSettlement, type Transfer,
} from '../standards/index.ts';
import type { RegionContext } from './createRegionLoaders.ts';
import { comparisonPeriod, parsePeriod, type AssessmentPeriod } from './parsePeriod.ts';

const cityOf = (code: string, ctx: RegionContext) => ctx.loaders.cities.load(code);
const sectionOf = (id: string, ctx: RegionContext) => ctx.loaders.sections.load(id);

type MonitoredSection = SectionRecord & { readonly station: NonNullable<SectionRecord['station']> };

async function assessments(sections: readonly MonitoredSection[], period: AssessmentPeriod, ctx: RegionContext): Promise<SectionAssessment[]> {
  const found = await ctx.loaders.stationMeans.loadMany(sections.map((s) => ({
    cityCode: s.station.cityCode, stationId: s.station.id, from: period.from, to: period.to,
  })));
  const failed = found.find((f): f is Error => f instanceof Error);
  if (failed) throw failed;
  return sections.flatMap((s, i) => {
    const means = found[i];
    return means && !(means instanceof Error) ? [{ sectionId: s.id, means }] : [];
  });
}

async function settlement(agreement: CompensationAgreement, args: { period: string }, ctx: RegionContext) {
  const period = parsePeriod(args.period);
  if (period.kind !== agreement.settlement) {
    throw ERRORS.BAD_USER_INPUT.err(
      `${agreement.id} settles ${agreement.settlement === 'MONTHLY' ? 'monthly (e.g. 2026-10)' : 'yearly (e.g. 2026)'}, not ${period.text}.`,
      { extensions: { argument: 'period' } },
    );
  }
  const previous = comparisonPeriod(period, agreement.compareWith);
  const sections = await Promise.all(agreement.sections.map(async (s): Promise<MonitoredSection> => {
    const record = await sectionOf(s.sectionId, ctx);
    if (!record?.station) {
      throw ERRORS.INSUFFICIENT_DATA.err(`Section ${s.name} (${s.sectionId}) has no automatic station to assess.`, {
        extensions: { reason: 'NO_STATION', sectionId: s.sectionId },
      });
    }
    return { ...record, station: record.station };
  }));
  const [current, before] = await Promise.all([assessments(sections, period, ctx), assessments(sections, previous, ctx)]);
  const result = runStandard('READINGS', () => settle(agreement, { period: period.text, sections: current, previous: before }));
  return { ...result, comparisonPeriod: previous.text };
}

export function compensationResolvers() {
  return {
    Query: {
      compensationAgreements: () => COMPENSATION_AGREEMENTS,
      compensationAgreement: (_: unknown, args: { id: string }) => COMPENSATION_AGREEMENTS.find((a) => a.id === args.id) ?? null,
    },
    CompensationAgreement: {
      standard: (a: CompensationAgreement) => formatStandardRef(a.standard),
      indicators: (a: CompensationAgreement) => (a.indicators === 'ALL_EVALUATED' ? null : a.indicators),
      settlementPeriod: (a: CompensationAgreement) => a.settlement,
      rules: (a: CompensationAgreement) => Object.entries(a.rule).map(([outcome, rule]) => ({ outcome, ...rule })),
      settlement,
    },
    AgreementParty: {
      cityCode: (p: AgreementParty) => p.adminCode,
      city: (p: AgreementParty, _args: unknown, ctx: RegionContext) => cityOf(p.adminCode, ctx),
    },
    AgreementSection: {
      section: (s: AgreementSection, _args: unknown, ctx: RegionContext) => sectionOf(s.sectionId, ctx),
    },
    SectionSettlement: {
      section: (s: SectionSettlement, _args: unknown, ctx: RegionContext) => sectionOf(s.sectionId, ctx),
    },
    Transfer: {
      fromCity: (t: Transfer, _args: unknown, ctx: RegionContext) => cityOf(t.from, ctx),
      toCity: (t: Transfer, _args: unknown, ctx: RegionContext) => cityOf(t.to, ctx),
    },
  };
}
