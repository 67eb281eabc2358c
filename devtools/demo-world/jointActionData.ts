/**
 * Cross-border joint enforcement actions of the 川渝 bureaus (docs/enforcement.md: joint enforcement every
 * year since 2020; 遂宁/资阳 with 潼南/大足 on 琼江; the 新盛河/任市河 pilot). `{year}` in a name is
 * the year of the case.
 */
import type { CityCode, JointActionRecord, JointMode } from '../../subgraphs/kit/model.ts';

export interface JointActionFact {
  readonly name: string;
  readonly mode: JointMode;
  readonly leadCityCodes: readonly CityCode[];
  readonly participantCityCodes: readonly CityCode[];
  readonly riverIds: readonly string[];
}

export const JOINT_ACTIONS: readonly JointActionFact[] = [
  { name: '{year}年琼江流域川渝联合执法行动', mode: 'JOINT', leadCityCodes: ['510900', '500152'], participantCityCodes: ['510900', '500152'], riverIds: ['qiongjiang'] },
  { name: '{year}年涪江（遂宁—潼南段）交叉执法检查', mode: 'CROSS', leadCityCodes: ['500152'], participantCityCodes: ['500152', '510900'], riverIds: ['fujiang'] },
  { name: '{year}年濑溪河流域川渝联合执法行动', mode: 'JOINT', leadCityCodes: ['500153', '510500'], participantCityCodes: ['500153', '510500'], riverIds: ['laixihe'] },
  { name: '{year}年长江干流（泸州—重庆段）跨界联合执法', mode: 'JOINT', leadCityCodes: ['510500', '500000'], participantCityCodes: ['510500', '500000'], riverIds: ['changjiang'] },
  { name: '{year}年嘉陵江、渠江流域川渝联合执法', mode: 'JOINT', leadCityCodes: ['511600', '500000'], participantCityCodes: ['511600', '500000'], riverIds: ['jialingjiang', 'qujiang'] },
  { name: '{year}年任市河（新盛河）跨界河流交叉执法', mode: 'CROSS', leadCityCodes: ['511600'], participantCityCodes: ['511600', '500000'], riverIds: ['renshihe'] },
  { name: '{year}年川渝生态环境联合执法行动', mode: 'JOINT', leadCityCodes: ['500000'], participantCityCodes: ['500000', '500152', '500153', '510500', '510900', '511600'], riverIds: ['changjiang', 'jialingjiang', 'fujiang'] },
  { name: '{year}年大清流河流域联动帮扶', mode: 'ASSISTANCE', leadCityCodes: ['500000'], participantCityCodes: ['500000', '500153'], riverIds: ['daqingliuhe'] },
];

export function jointActionsOf(cityCode: CityCode): readonly JointActionFact[] {
  return JOINT_ACTIONS.filter((a) => a.participantCityCodes.includes(cityCode));
}

export function jointActionRecord(fact: JointActionFact, year: number): JointActionRecord {
  return {
    name: fact.name.replace('{year}', String(year)),
    mode: fact.mode,
    leadCityCodes: fact.leadCityCodes,
    participantCityCodes: fact.participantCityCodes,
    riverIds: fact.riverIds,
  };
}
