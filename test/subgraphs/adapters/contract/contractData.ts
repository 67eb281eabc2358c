/**
 * The data every bureau adapter is tested on: the fixture bureau (ties on every sort key, `%` and `_`
 * in names) plus records that tell dialects apart when they disagree with SQLite, the reference:
 * - text that only folds case for ASCII letters (`Ü`, fullwidth `ＰＭ`: MySQL's LOWER folds them);
 * - sort keys that code-point order and locale collations order differently (潼 U+6F7C before
 *   遂 U+9042, though pinyin puts sui first; 'B' before 'b', though most locales put b first);
 * - doubles that need all 17 digits to come back unchanged, and a time beyond 2038;
 * - text beyond the BMP (🌊, 4 bytes in UTF-8) and longer than 64 KB (MySQL's TEXT limit).
 */
import type { CaseRecord, JointPatrolRecord, ProjectRecord, ResourceRecord } from '../../../../subgraphs/kit/model.ts';
import { sampleBureauData } from '../../../fixtures/bureauRecords.ts';

export type ContractData = ReturnType<typeof sampleBureauData>;

/** 2038-01-19T03:14:08Z in ms: one second past the 32-bit time_t limit. */
export const AFTER_2038 = 2_147_483_648_000;

export function contractData(): ContractData {
  const data = sampleBureauData();
  const projects = [...data.projects];
  const cases = [...data.cases];
  const patrols = [...data.patrols];
  const resources = [...data.resources];
  const p = (i: number) => projects[i] as ProjectRecord;
  const c = (i: number) => cases[i] as CaseRecord;

  projects[0] = { ...p(0), investmentWanYuan: 1234.5678901234567, progressPercent: 0.1 + 0.2 };
  projects[6] = { ...p(6), name: '遂宁市项目7 ＰＭ２.５ Übergang' };
  projects[7] = { ...p(7), name: '遂宁市项目8 🌊' };
  projects[8] = { ...p(8), investmentWanYuan: p(2).investmentWanYuan };
  projects[9] = { ...p(9), description: '涪江'.repeat(12_000) };
  cases[1] = { ...c(1), caseNumber: '潼环罚〔2024〕2号' };
  cases[4] = { ...c(4), caseNumber: 'b-2024-5' };
  cases[5] = { ...c(5), caseNumber: 'B-2024-6' };
  patrols[0] = { ...(patrols[0] as JointPatrolRecord), endedAt: AFTER_2038 };
  resources[0] = { ...(resources[0] as ResourceRecord), quantity: 1 / 3 };
  return { ...data, projects, cases, patrols, resources };
}
