/**
 * The IDE's saved example operations, one tab each, in the order analysts ask for them; the first
 * tab is the one open on arrival. Each is a real operation of the gateway's public schema (the unit
 * test validates every one, with its variables, against the composed schema). Titles and comments
 * are Chinese first: the operation name, which GraphiQL shows as the tab title, must be ASCII.
 *
 * Pure (no DOM): the browser app and the tests both import it.
 */

export interface IdeExample {
  /** What the example answers, as the analysts say it. */
  readonly title: string;
  /** The operation's name (the tab title). */
  readonly operationName: string;
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

/**
 * The request headers editor's starting text (JSONC: GraphiQL strips the comments). The header is
 * commented out, so public fields work at once and nothing invalid is sent until a token is pasted.
 */
export const HEADERS_TEMPLATE = `{
  // 令牌 / token：执法案件（cases:read）、应急资源（emergency:read，联系人 emergency:contacts）需要令牌。运行
  //   npm run -s token -- --bureau 500152 --scope "cases:read emergency:read emergency:contacts"
  // 用输出的令牌替换 <token>，并删除下一行开头的 //。
  // Enforcement cases and emergency resources need a token: run the command above, put its output
  // in place of <token> and remove the // at the start of the next line.
  // "Authorization": "Bearer <token>"
}
`;

const HOUR_MS = 3_600_000;
/** China Standard Time, the calendar assessment periods are named in. */
const CST_OFFSET_MS = 8 * HOUR_MS;

/** The last full calendar month in China Standard Time, e.g. "2026-10": always inside the data. */
export function lastFullMonth(now: Date): string {
  const cst = new Date(now.getTime() + CST_OFFSET_MS);
  const year = cst.getUTCMonth() === 0 ? cst.getUTCFullYear() - 1 : cst.getUTCFullYear();
  const month = cst.getUTCMonth() === 0 ? 12 : cst.getUTCMonth();
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function ideExamples(now: Date): readonly IdeExample[] {
  return [
    {
      title: '跨界断面水质达标情况',
      operationName: 'CrossBorderSections',
      variables: { period: lastFullMonth(now) },
      query: `# 跨界断面水质达标情况 · Cross-border sections: does each meet its target class?
# 区域子图列出跨界断面；每个断面的考核期评价（GB 3838-2002）取自其自动站所属城市的时段均值。
# period：考核期，月如 "2026-10"，年如 "2026"（北京时间）。按 Ctrl-Enter 或 ▶ 运行。
query CrossBorderSections($period: String!) {
  sections(crossBorderOnly: true) {
    name
    river { name }
    controlLevel
    boundaryType
    upstreamCity { name }
    downstreamCity { name }
    targetClass
    station { cityCode name }
    assessment(period: $period) {
      period
      waterClass
      descriptor
      meetsTarget
      mainPollutants { name waterClass multiple }
      targetExceedances { name waterClass multiple }
    }
  }
}
`,
    },
    {
      title: '某企业在各地的执法案件',
      operationName: 'EnterpriseCasesEverywhere',
      // An enterprise with cases in two bureaus in `npm start`'s demo data; any name or credit code works.
      variables: { search: '合川泰业环保' },
      query: `# 某企业在各地的执法案件 · One enterprise's enforcement cases in every bureau
# 按企业名称或统一社会信用代码（search）在区域企业名录中查找；网关向每个城市取该企业的行政处罚案件并合并。
# 执法案件需要令牌（scope cases:read；处罚种类、罚款另需登录）：见下方 Headers（请求头）中的说明。
query EnterpriseCasesEverywhere($search: String!) {
  enterprises(search: $search, first: 5) {
    totalCount
    edges {
      node {
        creditCode
        name
        industry
        cityCode
        address
        positiveList { listType admittedOn }
        cases {
          cityCode
          caseNumber
          agency
          cause
          status
          penaltyTypes
          fineYuan
          filedAt
          joint
          jointPartners { name }
        }
      }
    }
  }
}
`,
    },
    {
      title: '事故点附近的应急物资',
      operationName: 'ResourcesNearIncident',
      // 琼江 光辉 section, on the 遂宁–潼南 border.
      variables: { site: { longitude: 105.59, latitude: 30.52 }, radiusKm: 50, category: null },
      query: `# 事故点附近的应急物资 · Emergency resources near an incident site
# 各城市的应急资源按到事故点的距离合并排序（只列 radiusKm 公里内的）；category 可选，如 CONTAINMENT（围油栏等）。
# site：事故点经纬度（WGS-84），示例为琼江光辉断面（遂宁—潼南交界）。
# 应急资源需要令牌（scope emergency:read；联系人姓名电话另需 emergency:contacts）：见下方 Headers。
query ResourcesNearIncident($site: GeoPointInput!, $radiusKm: Float = 50, $category: ResourceCategory) {
  emergencyResources(near: $site, radiusKm: $radiusKm, category: $category, first: 20) {
    totalCount
    edges {
      node {
        cityCode
        name
        category
        kind
        specification
        quantity
        unit
        distanceKm
        status
        managingUnit
        depot { name address }
        contact { person phone }
      }
    }
  }
}
`,
    },
    {
      title: '各地重大项目及环评进展',
      operationName: 'ProjectsAndEia',
      variables: { status: 'UNDER_CONSTRUCTION' },
      query: `# 各地重大项目及环评进展 · Joint projects of every bureau and their EIA progress
# 按更新时间倒序；status 可选：PLANNED、APPROVED、UNDER_CONSTRUCTION、COMPLETED、SUSPENDED（null 为全部）。
query ProjectsAndEia($status: ProjectStatus) {
  projects(status: $status, first: 20) {
    totalCount
    edges {
      node {
        cityCode
        code
        name
        category
        status
        jointlyPlanned
        partners { name }
        rivers { name }
        investmentWanYuan
        progressPercent
        plannedCompletion
        eia { documentType status authority approvalNumber submittedOn approvedOn }
        updatedAt
      }
    }
  }
}
`,
    },
    {
      title: '实时报警',
      operationName: 'LiveAlarms',
      variables: { severity: 'WARNING', cityCodes: null, since: null },
      query: `# 实时报警 · Live alarms, as the bureaus' alarm rules raise them on arriving readings
# 订阅（subscription）：运行后保持连接，新告警到达即显示在右侧（每次显示最新一条）；按 ■ 停止。
# 告警由到达的监测数据计算（数据标记异常、超标、缺失、恒值、突变）。severity 为最低级别；cityCodes 只订这些城市；
# since：上次收到的事件 id，从其后续订（不丢事件）。过去的告警用 alarms 查询。令牌（可选）写在 Headers 中。
# A subscription: it stays open and shows each new alarm as it arrives (the latest one); ■ stops it.
# since = the id of the last event seen resumes right after it. Past alarms: the alarms query.
subscription LiveAlarms($severity: AlarmSeverity, $cityCodes: [ID!], $since: String) {
  alarmRaised(severity: $severity, cityCodes: $cityCodes, since: $since) {
    id
    alarm {
      cityCode
      severity
      kind
      name
      from
      to
      reason
      limit { min max unit source }
      station { name code kind cityCode river { name } }
    }
  }
}
`,
    },
    {
      title: '突发环境事件与通报',
      operationName: 'IncidentsAndNotices',
      variables: { cityCodes: ['500152'] },
      query: `# 突发环境事件与通报 · Environmental incidents, and the notices in a bureau's inbox
# 需要令牌（任何有效令牌可读）。报告事件需 incidents:write，签收通报需 notices:acknowledge，
# 且令牌的 bureau 必须是 cityCode。例如在新标签中运行：
#   mutation { reportIncident(cityCode: "510900", idempotencyKey: "<uuid>", input: { title: "…",
#     description: "…", occurredAt: "2026-05-01T08:30:00+08:00", location: { longitude: 105.56, latitude: 30.21 },
#     riverId: "qiongjiang" }) { id notices { recipientCityCode state } } }
# Needs a token; writing needs incidents:write / notices:acknowledge for the token's own bureau.
query IncidentsAndNotices($cityCodes: [ID!]) {
  incidents(first: 10) {
    totalCount
    edges {
      node {
        cityCode
        title
        occurredAt
        status
        grade { level name }
        river { name }
        reports { sequence kind reportedAt author { sub bureau } }
        notices { recipientCityCode state deliveredAt acknowledgedAt acknowledgedBy { sub bureau } }
      }
    }
  }
  receivedNotices(cityCodes: $cityCodes, first: 10) {
    totalCount
    edges { node { id cityCode senderCityCode incidentId incidentTitle state createdAt } }
  }
}
`,
    },
    {
      title: '报告突发环境事件',
      operationName: 'ReportIncident',
      variables: {
        cityCode: '510900',
        // One key per report: running the tab again is a retry and answers the first result; a new
        // report needs a new key (the page makes one each time it is opened).
        idempotencyKey: `ide-${now.getTime()}`,
        input: {
          title: '琼江柴油泄漏', description: '罐车侧翻，约 2 吨柴油入河。', occurredAt: now.toISOString(),
          location: { longitude: 105.56, latitude: 30.21 }, riverId: 'qiongjiang', nearestSectionId: 'qiongjiang-daan',
          pollutants: ['石油类'], facts: { crossBorder: 'PROVINCIAL' },
        },
      },
      query: `# 报告突发环境事件（初报）· Report an environmental incident (initial report)
# 需要令牌：incidents:write，且令牌的 bureau 必须等于 cityCode，例如
#   npm run -s token -- --bureau 510900 --scope "incidents:write" --sub wang.fang
# 下游各局（此处潼南）收到通报；同一 idempotencyKey 重试只返回第一次的结果。
# Needs incidents:write for the token's own bureau; downstream bureaus get a notice; a retry with the
# same idempotencyKey answers the first result and writes nothing.
mutation ReportIncident($cityCode: ID!, $idempotencyKey: ID!, $input: ReportIncidentInput!) {
  reportIncident(cityCode: $cityCode, idempotencyKey: $idempotencyKey, input: $input) {
    id
    status
    grade { level name }
    notices { id recipientCityCode state }
  }
}
`,
    },
    {
      title: '签收通报',
      operationName: 'AcknowledgeNotice',
      variables: { cityCode: '500152', idempotencyKey: `ide-ack-${now.getTime()}`, noticeId: '<通报 id：见“突发环境事件与通报”标签的 receivedNotices>' },
      query: `# 签收通报 · Acknowledge a notice in your bureau's inbox
# 需要令牌：notices:acknowledge，且令牌的 bureau 必须等于 cityCode（通报的接收局），例如
#   npm run -s token -- --bureau 500152 --scope "notices:acknowledge" --sub zhao.lei
# noticeId 取自“突发环境事件与通报”标签中 receivedNotices 的 id；签收回执经网关送回报告局。
# Needs notices:acknowledge for the recipient bureau; take noticeId from receivedNotices in the
# "突发环境事件与通报" tab; the acknowledgement travels back to the reporting bureau.
mutation AcknowledgeNotice($cityCode: ID!, $idempotencyKey: ID!, $noticeId: ID!) {
  acknowledgeNotice(cityCode: $cityCode, idempotencyKey: $idempotencyKey, noticeId: $noticeId) {
    id
    state
    acknowledgedAt
    acknowledgedBy { sub bureau }
  }
}
`,
    },
  ];
}
