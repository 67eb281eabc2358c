/**
 * Pools for made-up names: people (surnames weighted towards those common in Sichuan and
 * Chongqing), company brands, roads, and mobile numbers in the 1xx format. Every generated name
 * is fictitious; a clash with a real person or company would be a coincidence.
 */
import type { Rng } from './createRng.ts';

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '周', '吴', '何', '罗', '谢', '唐', '邓', '冉', '向', '谭', '蒋', '彭', '曾',
  '廖', '赵', '徐', '胡', '朱', '郭', '高', '林', '梁', '宋', '肖', '田', '袁', '余', '杜', '程', '苏', '任', '卢', '姚',
  '钟', '江', '熊', '秦', '雷', '龙', '黎', '母', '牟', '敬', '蒲', '税', '文', '付', '汪', '严', '魏', '陶',
];
const GIVEN = [
  '伟', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '桂',
  '英', '华', '建', '国', '志', '文', '红', '玲', '海', '波', '鹏', '宇', '浩', '婷', '雪', '琳', '晨', '欣', '辉', '俊',
  '林', '峰', '川', '渝', '江', '蓉', '燕', '梅', '兵', '亮', '智', '勤', '晓', '春', '东', '成', '飞', '元', '莉', '娅',
];
const BRAND_FIRST = [
  '华', '鑫', '恒', '盛', '泰', '源', '兴', '宏', '德', '丰', '瑞', '嘉', '利', '宇', '顺', '祥', '通', '凯', '锦', '金',
  '天', '明', '永', '长', '新', '博', '正', '和', '远', '鸿', '万', '中', '富', '安', '信', '诚', '宝', '龙', '江', '川',
  '峰', '海', '益', '佳', '汇', '腾', '昊', '晟', '蜀', '巴',
];
const BRAND_SECOND = [
  '达', '源', '盛', '泰', '兴', '昌', '丰', '通', '发', '隆', '润', '宇', '辉', '翔', '成', '利', '瑞', '康', '业', '诚',
  '鑫', '森', '茂', '鼎', '阳', '和', '安', '祥', '嘉', '衡', '川', '远', '峰', '创', '能', '邦',
];
const ROADS = [
  '工业大道', '创新大道', '兴业路', '滨江路', '人民路', '建设路', '园区大道', '化工路', '科技路', '发展大道',
  '环城路', '金龙大道', '银河路', '新华路', '振兴路', '高新大道', '港口路', '物流大道', '长江路', '迎宾大道',
];
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '199',
];

export function personName(rng: Rng): string {
  const surname = rng.pick(SURNAMES);
  return rng.chance(0.75) ? surname + rng.pick(GIVEN) + rng.pick(GIVEN) : surname + rng.pick(GIVEN);
}

/** A two-character brand such as 鑫达 or 恒昌 (never the same character twice). */
export function brandName(rng: Rng): string {
  const first = rng.pick(BRAND_FIRST);
  let second = rng.pick(BRAND_SECOND);
  while (second === first) second = rng.pick(BRAND_SECOND);
  return first + second;
}

export function roadAddress(rng: Rng): string {
  return `${rng.pick(ROADS)}${rng.int(1, 399)}号`;
}

/** An 11-digit mainland mobile number. */
export function mobilePhone(rng: Rng): string {
  let digits = rng.pick(MOBILE_PREFIXES);
  for (let i = 0; i < 8; i++) digits += String(rng.int(0, 9));
  return digits;
}
