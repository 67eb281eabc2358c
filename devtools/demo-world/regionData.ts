/**
 * Static facts about the six bureaus' areas: GB/T 2260 codes, seats of government (approximate
 * WGS-84, to ~1 km), their county-level divisions with a few real towns, and the naming conventions
 * each bureau uses on its documents. Towns, county seats and codes are real; coordinates are
 * approximate; air-monitoring site names are plausible rather than an official list.
 */
import type { CityCode, CityRecord, GeoPoint } from '../../subgraphs/kit/model.ts';

/** The six bureaus of the federation, in GB/T 2260 order. */
export const BUREAU_CODES = ['500000', '500152', '500153', '510500', '510900', '511600'] as const;
export type BureauCode = (typeof BUREAU_CODES)[number];

export interface CountyFact {
  readonly code: string;
  readonly name: string;
  readonly seat: GeoPoint;
  readonly towns: readonly string[];
}

export interface CityFact {
  readonly record: CityRecord;
  /** Short name used in bureau and team names: '潼南区', '泸州市', '重庆市'. */
  readonly shortName: string;
  /** Prefix written before a county in addresses: '四川省泸州市', '重庆市'. */
  readonly addressPrefix: string;
  /** County-level divisions where its enterprises and stations are placed. */
  readonly counties: readonly CountyFact[];
  /** Place words used in enterprise names besides the county's own (see `countyNamePrefix`). */
  readonly namePrefixes: readonly string[];
  readonly industrialParks: readonly string[];
  readonly airSites: readonly string[];
  /** Penalty decision number prefix, e.g. 渝（潼）环罚 → 渝（潼）环罚〔2024〕12号. */
  readonly casePrefix: string;
  /** The bureau's own EIA approval number prefix. */
  readonly eiaPrefix: string;
  /** Provincial-level EIA authority and its number prefix (Chongqing's municipal bureau is provincial-level). */
  readonly provincialAuthority: string;
  readonly provincialEiaPrefix: string;
  /** Bureaus across the provincial border that it plans and enforces jointly with. */
  readonly partners: readonly CityCode[];
  /** Rough radius of the area around its seat, km (air stations sit within half of it, at most 12 km out). */
  readonly radiusKm: number;
}

const p = (longitude: number, latitude: number): GeoPoint => ({ longitude, latitude });

const city = (
  code: CityCode, name: string, nameEn: string, province: CityRecord['province'], kind: CityRecord['kind'],
  bureauName: string, location: GeoPoint,
): CityRecord => ({ code, name, nameEn, province, kind, bureauName, location });

export const CITY_FACTS: Readonly<Record<BureauCode, CityFact>> = {
  '500000': {
    record: city('500000', '重庆市', 'Chongqing', 'CHONGQING', 'MUNICIPALITY', '重庆市生态环境局', p(106.5516, 29.563)),
    shortName: '重庆市',
    addressPrefix: '重庆市',
    // The municipal bureau's own enterprises and stations sit in districts other than 潼南 and 荣昌.
    counties: [
      { code: '500115', name: '长寿区', seat: p(107.0812, 29.8577), towns: ['晏家街道', '江南街道', '渡舟街道', '凤城街道'] },
      { code: '500117', name: '合川区', seat: p(106.2763, 29.9722), towns: ['草街街道', '南津街道', '钱塘镇', '云门街道', '利泽镇'] },
      { code: '500116', name: '江津区', seat: p(106.259, 29.29), towns: ['德感街道', '珞璜镇', '双福街道', '白沙镇'] },
      { code: '500118', name: '永川区', seat: p(105.927, 29.356), towns: ['朱沱镇', '陈食街道', '中山路街道', '港桥街道'] },
      { code: '500151', name: '铜梁区', seat: p(106.0562, 29.8449), towns: ['东城街道', '蒲吕街道', '安居镇', '旧县街道'] },
      { code: '500111', name: '大足区', seat: p(105.7215, 29.7073), towns: ['龙岗街道', '龙水镇', '邮亭镇', '双桥街道'] },
      { code: '500112', name: '渝北区', seat: p(106.6313, 29.7181), towns: ['双凤桥街道', '回兴街道', '龙兴镇', '两路街道'] },
      { code: '500107', name: '九龙坡区', seat: p(106.5111, 29.502), towns: ['西彭镇', '白市驿镇', '铜罐驿镇'] },
      { code: '500102', name: '涪陵区', seat: p(107.39, 29.7032), towns: ['李渡街道', '白涛街道', '龙桥街道'] },
    ],
    namePrefixes: ['重庆', '重庆市'],
    industrialParks: ['重庆长寿经济技术开发区', '合川工业园区', '江津综合保税区', '永川高新技术产业开发区', '铜梁高新技术产业开发区', '涪陵白涛新材料产业园'],
    airSites: ['解放碑', '杨家坪', '南坪', '唐家沱', '天生', '两路', '白市驿', '虎溪'],
    casePrefix: '渝环罚',
    eiaPrefix: '渝环准',
    provincialAuthority: '重庆市生态环境局',
    provincialEiaPrefix: '渝环准',
    partners: ['510500', '511600', '510900'],
    radiusKm: 45,
  },
  '500152': {
    record: city('500152', '潼南区', 'Tongnan District', 'CHONGQING', 'DISTRICT', '潼南区生态环境局', p(105.8398, 30.1903)),
    shortName: '潼南区',
    addressPrefix: '重庆市',
    counties: [
      { code: '500152', name: '潼南区', seat: p(105.8398, 30.1903), towns: ['梓潼街道', '桂林街道', '双江镇', '玉溪镇', '光辉镇', '太安镇', '柏梓镇', '宝龙镇', '塘坝镇', '米心镇', '别口镇', '古溪镇', '龙形镇'] },
    ],
    namePrefixes: ['重庆', '重庆潼南', '潼南', '重庆市潼南区'],
    industrialParks: ['潼南高新技术产业开发区', '潼南化工园区', '潼南区双江工业园'],
    airSites: ['潼南区环境监测站', '潼南高新区', '梓潼', '桂林', '双江', '江北新城'],
    casePrefix: '渝（潼）环罚',
    eiaPrefix: '渝（潼）环准',
    provincialAuthority: '重庆市生态环境局',
    provincialEiaPrefix: '渝环准',
    partners: ['510900'],
    radiusKm: 22,
  },
  '500153': {
    record: city('500153', '荣昌区', 'Rongchang District', 'CHONGQING', 'DISTRICT', '荣昌区生态环境局', p(105.594, 29.4049)),
    shortName: '荣昌区',
    addressPrefix: '重庆市',
    counties: [
      { code: '500153', name: '荣昌区', seat: p(105.594, 29.4049), towns: ['昌元街道', '昌州街道', '广顺街道', '安富街道', '峰高街道', '双河街道', '清流镇', '吴家镇', '盘龙镇', '河包镇', '直升镇', '仁义镇', '远觉镇'] },
    ],
    namePrefixes: ['重庆', '重庆荣昌', '荣昌', '重庆市荣昌区'],
    industrialParks: ['荣昌高新技术产业开发区', '荣昌区板桥工业园', '荣昌区广富工业园'],
    airSites: ['荣昌区环境监测站', '荣昌高新区', '昌州', '广顺', '安富', '峰高'],
    casePrefix: '渝（荣）环罚',
    eiaPrefix: '渝（荣）环准',
    provincialAuthority: '重庆市生态环境局',
    provincialEiaPrefix: '渝环准',
    partners: ['510500'],
    radiusKm: 20,
  },
  '510500': {
    record: city('510500', '泸州市', 'Luzhou', 'SICHUAN', 'PREFECTURE_CITY', '泸州市生态环境局', p(105.4423, 28.8718)),
    shortName: '泸州市',
    addressPrefix: '四川省泸州市',
    counties: [
      { code: '510502', name: '江阳区', seat: p(105.4353, 28.8789), towns: ['南城街道', '蓝田街道', '黄舣镇', '弥陀镇', '分水岭镇'] },
      { code: '510503', name: '纳溪区', seat: p(105.3712, 28.773), towns: ['安富街道', '永宁街道', '大渡口镇', '护国镇'] },
      { code: '510504', name: '龙马潭区', seat: p(105.4376, 28.913), towns: ['小市街道', '高坝街道', '罗汉街道', '胡市镇', '特兴街道', '安宁街道'] },
      { code: '510521', name: '泸县', seat: p(105.3818, 29.1515), towns: ['玉蟾街道', '福集镇', '喻寺镇', '云龙镇', '牛滩镇', '太伏镇'] },
      { code: '510522', name: '合江县', seat: p(105.8308, 28.8116), towns: ['合江镇', '白沙镇', '榕山镇', '先市镇', '九支镇'] },
      { code: '510524', name: '叙永县', seat: p(105.4445, 28.1559), towns: ['叙永镇', '马岭镇', '江门镇'] },
      { code: '510525', name: '古蔺县', seat: p(105.8128, 28.0385), towns: ['古蔺镇', '二郎镇', '太平镇', '皇华镇', '龙山镇'] },
    ],
    namePrefixes: ['泸州', '泸州市', '四川泸州', '四川'],
    industrialParks: ['泸州高新技术产业开发区', '泸州白酒产业园区', '泸州化工园区', '泸县经济开发区', '合江临港工业园区'],
    airSites: ['小市', '九狮山', '兰田', '市环境监测站', '市政府', '纳溪区监测站', '泸县监测站'],
    casePrefix: '泸环罚',
    eiaPrefix: '泸市环建函',
    provincialAuthority: '四川省生态环境厅',
    provincialEiaPrefix: '川环审批',
    partners: ['500153', '500000'],
    radiusKm: 35,
  },
  '510900': {
    record: city('510900', '遂宁市', 'Suining', 'SICHUAN', 'PREFECTURE_CITY', '遂宁市生态环境局', p(105.5929, 30.5329)),
    shortName: '遂宁市',
    addressPrefix: '四川省遂宁市',
    counties: [
      { code: '510903', name: '船山区', seat: p(105.5815, 30.5021), towns: ['南津路街道', '凯旋路街道', '龙凤镇', '老池镇', '永兴镇', '河沙镇'] },
      { code: '510904', name: '安居区', seat: p(105.4563, 30.3556), towns: ['柔刚街道', '凤凰街道', '白马镇', '常理镇', '拦江镇', '大安镇', '玉丰镇'] },
      { code: '510921', name: '蓬溪县', seat: p(105.7076, 30.7574), towns: ['赤城镇', '天福镇', '金桥镇', '常乐镇'] },
      { code: '510923', name: '大英县', seat: p(105.2426, 30.5943), towns: ['蓬莱镇', '隆盛镇', '天保镇', '象山镇', '卓筒井镇'] },
      { code: '510981', name: '射洪市', seat: p(105.388, 30.8712), towns: ['太和街道', '沱牌镇', '金华镇', '柳树镇', '青岗镇', '瞿河镇'] },
    ],
    namePrefixes: ['遂宁', '遂宁市', '四川遂宁', '四川'],
    industrialParks: ['遂宁经济技术开发区', '遂宁高新技术产业园区', '射洪经济开发区', '大英经济开发区', '蓬溪经济开发区'],
    airSites: ['市监测站', '市政府', '职业技术学院', '安居区监测站', '经开区', '射洪市监测站'],
    casePrefix: '遂环罚',
    eiaPrefix: '遂环评函',
    provincialAuthority: '四川省生态环境厅',
    provincialEiaPrefix: '川环审批',
    partners: ['500152', '500000'],
    radiusKm: 32,
  },
  '511600': {
    record: city('511600', '广安市', "Guang'an", 'SICHUAN', 'PREFECTURE_CITY', '广安市生态环境局', p(106.6333, 30.4564)),
    shortName: '广安市',
    addressPrefix: '四川省广安市',
    counties: [
      { code: '511602', name: '广安区', seat: p(106.6417, 30.474), towns: ['北辰街道', '广福街道', '浓洄街道', '枣山街道', '协兴镇', '肖溪镇', '花桥镇'] },
      { code: '511603', name: '前锋区', seat: p(106.8935, 30.4945), towns: ['奎阁街道', '大龙街道', '代市镇', '观塘镇', '桂兴镇'] },
      { code: '511621', name: '岳池县', seat: p(106.4404, 30.5386), towns: ['九龙街道', '朝阳街道', '罗渡镇', '苟角镇'] },
      { code: '511622', name: '武胜县', seat: p(106.2959, 30.3486), towns: ['沿口镇', '中心镇', '烈面镇', '飞龙镇', '街子镇'] },
      { code: '511623', name: '邻水县', seat: p(106.9303, 30.3346), towns: ['鼎屏镇', '城北镇', '任市镇', '九龙镇', '王家镇'] },
      { code: '511681', name: '华蓥市', seat: p(106.7838, 30.3903), towns: ['双河街道', '古桥街道', '溪口镇', '阳和镇', '禄市镇'] },
    ],
    namePrefixes: ['广安', '广安市', '四川广安', '四川'],
    industrialParks: ['广安经济技术开发区', '广安高新技术产业园区', '岳池经济开发区', '邻水经济开发区', '华蓥山经济开发区'],
    airSites: ['广安区监测站', '前锋区监测站', '枣山', '奎阁', '协兴', '经开区'],
    casePrefix: '广环罚',
    eiaPrefix: '广环审批',
    provincialAuthority: '四川省生态环境厅',
    provincialEiaPrefix: '川环审批',
    partners: ['500000'],
    radiusKm: 30,
  },
};

export function cityFact(code: CityCode): CityFact {
  const fact = (CITY_FACTS as Readonly<Record<string, CityFact>>)[code];
  if (!fact) throw new RangeError(`no facts for city ${code}`);
  return fact;
}

/** The county a 6-digit code names, with its city. */
export function countyByCode(code: string): { readonly city: CityFact; readonly county: CountyFact } {
  for (const fact of Object.values(CITY_FACTS)) {
    const county = fact.counties.find((c) => c.code === code);
    if (county) return { city: fact, county };
  }
  throw new RangeError(`no county ${code}`);
}

/** The place word a county lends to enterprise names: 古蔺, 射洪; 重庆长寿 for a Chongqing district. */
export function countyNamePrefix(city: CityFact, county: CountyFact): string {
  const short = county.name.length > 2 ? county.name.replace(/[区县市]$/, '') : county.name;
  return city.record.province === 'CHONGQING' ? `重庆${short}` : short;
}
