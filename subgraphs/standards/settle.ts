/**
 * Settles one period of a compensation agreement: each section's class against its target and its
 * trend against the comparison period pick an outcome, the agreement's rule turns the outcome into
 * a payment (amount × section weight), and the gross payments net into one transfer (docs/compensation.md,
 * templates and model).
 */
import type {
  AgreementParty, CompensationAgreement, CompensationSettlement, SectionAssessment, SectionSettlement, SettlementOutcome, Transfer, PeriodAssessments,
} from './CompensationAgreement.ts';
import { cleanNumber } from './Limit.ts';
import { StandardsInputError } from './StandardsInputError.ts';
import type { WaterClass } from './WaterClass.ts';
import { WATER_CLASS_LABELS, meetsWaterTarget } from './WaterClass.ts';
import { evaluateWaterSample } from './evaluateWaterSample.ts';
import type { ClassAndMeans } from './sectionTrend.ts';
import { sectionTrend } from './sectionTrend.ts';
import { findWaterIndicator, findWaterStandard } from './waterStandards.ts';

const OUTCOME_TEXT: Readonly<Record<SettlementOutcome, string>> = {
  MEETS_IMPROVED: '达标且改善 / meets target and improved',
  MEETS_STABLE: '达标、持平 / meets target, no change',
  MEETS_WORSENED: '达标但变差 / meets target but worse',
  MISSES: '未达标 / misses target',
};

function parties(agreement: CompensationAgreement): Record<'UPSTREAM' | 'DOWNSTREAM', AgreementParty> {
  const up = agreement.parties.filter((p) => p.role === 'UPSTREAM'), down = agreement.parties.filter((p) => p.role === 'DOWNSTREAM');
  const weights = agreement.sections.reduce((s, x) => s + x.weight, 0);
  if (up.length !== 1 || down.length !== 1 || !up[0] || !down[0] || Math.abs(weights - 1) > 1e-6) {
    throw new StandardsInputError('INVALID_AGREEMENT',
      `${agreement.id}: needs one upstream, one downstream party and weights summing to 1`, { id: agreement.id });
  }
  return { UPSTREAM: up[0], DOWNSTREAM: down[0] };
}

function resolve(agreement: CompensationAgreement, a: SectionAssessment | undefined): ClassAndMeans | null {
  if (!a || (!a.waterClass && !a.means)) return null;
  const standard = findWaterStandard(agreement.standard);
  const list = agreement.indicators;
  // ALL_EVALUATED: the evaluation indicators only — TN and fecal coliform are reference indicators
  // (环办〔2011〕22号), so they neither set the class nor move the pollution index.
  const means = a.means?.filter((m) => (list === 'ALL_EVALUATED' ? findWaterIndicator(standard, m.code)?.role === 'EVALUATED' : list.includes(m.code)));
  const waterClass: WaterClass = a.waterClass ??
    evaluateWaterSample({ values: means ?? [], waterBody: agreement.waterBody, standard: agreement.standard }).waterClass;
  return means ? { waterClass, means } : { waterClass };
}

function outcomeOf(meets: boolean, trend: string): SettlementOutcome {
  if (!meets) return 'MISSES';
  return trend === 'IMPROVED' ? 'MEETS_IMPROVED' : trend === 'WORSENED' ? 'MEETS_WORSENED' : 'MEETS_STABLE';
}

export function settle(agreement: CompensationAgreement, assessments: PeriodAssessments): CompensationSettlement {
  const side = parties(agreement);
  const sections: SectionSettlement[] = agreement.sections.map((section) => {
    const current = resolve(agreement, assessments.sections.find((s) => s.sectionId === section.sectionId));
    if (!current) {
      throw new StandardsInputError('MISSING_ASSESSMENT',
        `${section.sectionId} has no assessment for ${assessments.period}`, { sectionId: section.sectionId });
    }
    const previous = resolve(agreement, assessments.previous?.find((s) => s.sectionId === section.sectionId));
    const meets = meetsWaterTarget(current.waterClass, section.targetClass);
    const { trend, basis } = sectionTrend(current, previous, section.targetClass, agreement.waterBody, agreement.standard);
    const outcome = outcomeOf(meets, trend);
    const rule = agreement.rule[outcome];
    const amount = rule.payer ? cleanNumber(rule.amountWanYuan * section.weight) : 0;
    const payer = rule.payer && amount > 0 ? side[rule.payer] : null;
    const payee = payer ? side[rule.payer === 'UPSTREAM' ? 'DOWNSTREAM' : 'UPSTREAM'] : null;
    const was = previous ? `，对比期 ${WATER_CLASS_LABELS[previous.waterClass]}类` : '';
    const pay = payer && payee
      ? `${payer.name} 付 ${payee.name} ${amount} 万元（${rule.amountWanYuan} × 权重 ${section.weight}${rule.verified ? '' : '，金额 [unverified]'}）`
      : '无资金往来';
    return {
      sectionId: section.sectionId, name: section.name, targetClass: section.targetClass, waterClass: current.waterClass,
      previousClass: previous?.waterClass ?? null, meetsTarget: meets, trend, trendBasis: basis, outcome,
      payer: payer?.adminCode ?? null, payee: payee?.adminCode ?? null, amountWanYuan: amount,
      explanation: `${assessments.period} ${section.name}（${section.river}）：${WATER_CLASS_LABELS[current.waterClass]}类，目标 ` +
        `${WATER_CLASS_LABELS[section.targetClass]}类${was}，${OUTCOME_TEXT[outcome]} → ${pay}`,
    };
  });
  const nameOf = (code: string): string => agreement.parties.find((p) => p.adminCode === code)?.name ?? code;
  const transfers = grossTransfers(sections);
  const net = netTransfer(transfers);
  const lineItems = [
    ...sections.map((s) => s.explanation),
    net ? `净额 / net: ${nameOf(net.from)} → ${nameOf(net.to)} ${net.amountWanYuan} 万元` : '净额 / net: 0 万元',
  ];
  return { agreementId: agreement.id, period: assessments.period, sections, transfers, net, lineItems };
}

function grossTransfers(sections: readonly SectionSettlement[]): Transfer[] {
  const sums = new Map<string, Transfer>();
  for (const s of sections) {
    if (!s.payer || !s.payee) continue;
    const k = `${s.payer}>${s.payee}`;
    const prior = sums.get(k)?.amountWanYuan ?? 0;
    sums.set(k, { from: s.payer, to: s.payee, amountWanYuan: cleanNumber(prior + s.amountWanYuan) });
  }
  return [...sums.values()];
}

function netTransfer(transfers: readonly Transfer[]): Transfer | null {
  const [a, b] = transfers;
  if (!a) return null;
  const back = b && b.from === a.to ? b.amountWanYuan : 0;
  const diff = cleanNumber(a.amountWanYuan - back);
  if (diff === 0) return null;
  return diff > 0 ? { from: a.from, to: a.to, amountWanYuan: diff } : { from: a.to, to: a.from, amountWanYuan: -diff };
}
