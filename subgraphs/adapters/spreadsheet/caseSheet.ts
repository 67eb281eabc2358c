/** 案件登记.csv: the case register, one case per row; lists inside a cell as documented in README.md. */
import { z } from 'zod';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { CaseRecord, CityCode, LegalProvisionRecord } from '../../kit/model.ts';
import {
  code, lines, listOf, optionalCode, optionalNumber, optionalText, optionalTime, recordId, requiredText, requiredTime,
  textOrEmpty, yesNo,
} from './cellFields.ts';
import { CASE_SOURCE, CASE_STATUS, EVIDENCE, JOINT_MODE, PENALTY, PROCEDURE } from './sheetLabels.ts';
import type { SheetSpec, WrittenRow } from './SheetSpec.ts';
import { formatSheetTime } from './sheetTime.ts';

/** 《法律》（版本）第…条[款项], several joined by '；'. */
const PROVISION = /^《([^》]+)》（([^）]+)）(第[^条]+条)(.*)$/;

const provisions = listOf('；').transform((items, ctx) => items.map((item): LegalProvisionRecord => {
  const m = PROVISION.exec(item);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: `not 《法律》（版本）第…条: ${item}`, input: item });
    return { law: '', version: '', article: '', item: null };
  }
  return { law: m[1] as string, version: m[2] as string, article: m[3] as string, item: m[4] === '' ? null : (m[4] as string) };
}));

/** One line per item of evidence: 证据类型：名称. */
const evidence = lines.transform((items, ctx) => items.flatMap((line) => {
  const at = line.indexOf('：');
  const type = at < 0 ? undefined : EVIDENCE.schema.safeParse(line.slice(0, at));
  if (type?.success) return [{ type: type.data, reference: line.slice(at + 1) }];
  ctx.addIssue({ code: 'custom', message: `not 证据类型：名称 with a known type: ${line}`, input: line });
  return [];
}));

const penalties = listOf('；').transform((items, ctx) => items.flatMap((item) => {
  const type = PENALTY.schema.safeParse(item);
  if (type.success) return [type.data];
  ctx.addIssue({ code: 'custom', message: type.error.issues[0]?.message ?? `unknown 处罚种类 ${item}`, input: item });
  return [];
}));
const optionalJointMode = z.unknown().transform((v) => (v === null || v === '' ? null : v)).pipe(z.union([z.null(), JOINT_MODE.schema]));

export const CASE_SHEET = {
  file: '案件登记.csv',
  sheet: null,
  schema: z.object({
    编号: recordId,
    案件编号: requiredText,
    执法机构: requiredText,
    统一社会信用代码: code,
    当事人: requiredText,
    排污许可证号: optionalText,
    案由: requiredText,
    违法事实: textOrEmpty,
    违反条款: provisions,
    处罚依据: provisions,
    处罚种类: penalties,
    '罚款金额（元）': optionalNumber,
    程序类型: PROCEDURE.schema,
    案件状态: CASE_STATUS.schema,
    案件来源: CASE_SOURCE.schema,
    立案时间: requiredTime,
    告知时间: optionalTime,
    听证申请时间: optionalTime,
    决定时间: optionalTime,
    送达时间: optionalTime,
    执行时间: optionalTime,
    结案时间: optionalTime,
    证据清单: evidence,
    关联站点编号: optionalCode,
    '所在河流（河流编码）': optionalCode,
    是否联合执法: yesNo,
    '联合城市（区划代码）': listOf('、'),
    联合行动名称: optionalText,
    联合方式: optionalJointMode,
    '牵头城市（区划代码）': listOf('、'),
    '参与城市（区划代码）': listOf('、'),
    '联合行动河流（河流编码）': listOf('、'),
    是否公开: yesNo,
  }),
} satisfies SheetSpec<z.ZodRawShape>;

export type CaseRow = z.output<typeof CASE_SHEET.schema>;

const provisionText = (p: LegalProvisionRecord) => `《${p.law}》（${p.version}）${p.article}${p.item ?? ''}`;
const time = (ms: number | null) => (ms === null ? null : formatSheetTime(ms));

export function caseToRow(c: CaseRecord, localId: string, stationLocalId: string | null): WrittenRow {
  return {
    编号: localId,
    案件编号: c.caseNumber,
    执法机构: c.agency,
    统一社会信用代码: c.enterpriseCreditCode,
    当事人: c.partyName,
    排污许可证号: c.permitNumber,
    案由: c.cause,
    违法事实: c.violationFacts,
    违反条款: c.violatedProvisions.map(provisionText).join('；'),
    处罚依据: c.penaltyBasis.map(provisionText).join('；'),
    处罚种类: c.penaltyTypes.map((t) => PENALTY.labelOf(t)).join('；'),
    '罚款金额（元）': c.fineYuan,
    程序类型: PROCEDURE.labelOf(c.procedure),
    案件状态: CASE_STATUS.labelOf(c.status),
    案件来源: CASE_SOURCE.labelOf(c.source),
    立案时间: formatSheetTime(c.filedAt),
    告知时间: time(c.dates.informedAt),
    听证申请时间: time(c.dates.hearingRequestedAt),
    决定时间: time(c.dates.decidedAt),
    送达时间: time(c.dates.servedAt),
    执行时间: time(c.dates.executedAt),
    结案时间: time(c.dates.closedAt),
    证据清单: c.evidence.map((e) => `${EVIDENCE.labelOf(e.type)}：${e.reference}`).join('\n'),
    关联站点编号: stationLocalId,
    '所在河流（河流编码）': c.riverId,
    是否联合执法: c.joint ? '是' : '否',
    '联合城市（区划代码）': c.jointPartnerCityCodes.join('、'),
    联合行动名称: c.jointAction?.name ?? null,
    联合方式: c.jointAction ? JOINT_MODE.labelOf(c.jointAction.mode) : null,
    '牵头城市（区划代码）': c.jointAction?.leadCityCodes.join('、') ?? null,
    '参与城市（区划代码）': c.jointAction?.participantCityCodes.join('、') ?? null,
    '联合行动河流（河流编码）': c.jointAction?.riverIds.join('、') ?? null,
    是否公开: c.published ? '是' : '否',
  };
}

export function rowToCase(r: CaseRow, cityCode: CityCode): CaseRecord {
  const actionName = r.联合行动名称;
  const mode = r.联合方式;
  return {
    id: encodeGlobalId('EnforcementCase', cityCode, r.编号),
    cityCode,
    caseNumber: r.案件编号,
    agency: r.执法机构,
    enterpriseCreditCode: r.统一社会信用代码,
    partyName: r.当事人,
    permitNumber: r.排污许可证号,
    cause: r.案由,
    violationFacts: r.违法事实,
    violatedProvisions: r.违反条款,
    penaltyBasis: r.处罚依据,
    penaltyTypes: r.处罚种类,
    fineYuan: r['罚款金额（元）'],
    procedure: r.程序类型,
    status: r.案件状态,
    source: r.案件来源,
    filedAt: r.立案时间,
    dates: {
      informedAt: r.告知时间, hearingRequestedAt: r.听证申请时间, decidedAt: r.决定时间,
      servedAt: r.送达时间, executedAt: r.执行时间, closedAt: r.结案时间,
    },
    evidence: r.证据清单,
    stationId: r.关联站点编号 === null ? null : encodeGlobalId('Station', cityCode, r.关联站点编号),
    riverId: r['所在河流（河流编码）'],
    joint: r.是否联合执法,
    jointPartnerCityCodes: r['联合城市（区划代码）'],
    jointAction: actionName === null || mode === null ? null : {
      name: actionName, mode, leadCityCodes: r['牵头城市（区划代码）'], participantCityCodes: r['参与城市（区划代码）'],
      riverIds: r['联合行动河流（河流编码）'],
    },
    published: r.是否公开,
  };
}
