/**
 * The standards calculators: pure, versioned, no I/O. Surface water (GB 3838-2002), AQI (HJ 633-2012
 * and the 2026 PM breakpoints), GB 3095 limits, alarm rules, incident grading and compensation.
 */
export { StandardsInputError } from './StandardsInputError.ts';
export type { StandardsInputErrorCode } from './StandardsInputError.ts';
export { formatStandardRef } from './StandardRef.ts';
export type { StandardRef } from './StandardRef.ts';
export { cleanNumber, describeLimit, exceedanceMultiple, isWithinLimit } from './Limit.ts';
export type { Limit } from './Limit.ts';
export { POLLUTANT_NAMES, pollutantName } from './pollutantNames.ts';
export type { PollutantName } from './pollutantNames.ts';
export { DATA_FLAGS, DATA_FLAG_NAMES } from './Reading.ts';
export type { DataFlag, Reading, ReadingInterval, ReadingValue } from './Reading.ts';

// Surface water, GB 3838
export {
  LIMITED_WATER_CLASSES, WATER_CLASSES, WATER_CLASS_DESCRIPTORS, WATER_CLASS_LABELS, meetsWaterTarget, waterClassRank, worstWaterClass,
} from './WaterClass.ts';
export type { WaterBody, WaterClass } from './WaterClass.ts';
export type { IndicatorRole, MeanMethod, WaterIndicatorStandard, WaterQualityStandard } from './WaterQualityStandard.ts';
export { GB3838_2002 } from './gb3838Standard.ts';
export { DEFAULT_WATER_STANDARD, WATER_QUALITY_STANDARDS, findWaterIndicator, findWaterStandard } from './waterStandards.ts';
export { classifyWaterIndicator } from './classifyWaterIndicator.ts';
export { waterLimit } from './waterLimit.ts';
export { evaluateWaterSample } from './evaluateWaterSample.ts';
export type { EvaluateWaterSampleInput, IndicatorClass, WaterEvaluation, WaterSampleValue } from './evaluateWaterSample.ts';
export type { WaterPollutant } from './mainPollutants.ts';
export { periodMeans } from './periodMeans.ts';
export type { PeriodMean, PeriodWindow } from './periodMeans.ts';
export { assessWaterPeriod } from './assessWaterPeriod.ts';
export type { AssessWaterPeriodInput, WaterPeriodAssessment } from './assessWaterPeriod.ts';

// Air, HJ 633 and GB 3095
export type { AqiBreakpointColumn, AqiPeriod, AqiStandard, AqiSubstitution, AqiVersion } from './AqiStandard.ts';
export { AQI_STANDARDS, HJ633_2012, HJ633_2026, findAqiStandard } from './hj633Standards.ts';
export { AQI_POLLUTANT_CODES, AQI_REPORT_INPUTS } from './aqiReportRules.ts';
export type { AqiReport, AqiReportInput } from './aqiReportRules.ts';
export { AQI_LEVELS, aqiLevel } from './aqiLevels.ts';
export type { AqiColor, AqiLevel } from './aqiLevels.ts';
export { computeIaqi } from './computeIaqi.ts';
export { computeDataCapture } from './computeDataCapture.ts';
export type { CaptureRates, DataCapture, DataCaptureInput, DataGap, FactorCapture, FlagCount } from './computeDataCapture.ts';
export type { ComputeIaqiInput } from './computeIaqi.ts';
export { computeAqi } from './computeAqi.ts';
export type { AqiConcentration, AqiPollutantRef, AqiResult, AqiSubstitutionApplied, ComputeAqiInput, IaqiEntry } from './computeAqi.ts';
export { AIR_QUALITY_EDITIONS, GB3095_2012, GB3095_2026_PHASE1, GB3095_2026_PHASE2 } from './gb3095Limits.ts';
export type { AirAveraging, AirGrade, AirLimitRow, AirQualityEdition } from './gb3095Limits.ts';
export { airEditionsAt } from './airEditionsAt.ts';
export { airLimit, exceedsAirLimit, findAirEdition } from './exceedsAirLimit.ts';
export type { AirEditionChoice } from './exceedsAirLimit.ts';

// Alarms
export { alarmId } from './Alarm.ts';
export type { Alarm, AlarmKind, AlarmValue } from './Alarm.ts';
export { DEFAULT_ALARM_RULES } from './alarmRules.ts';
export type { AlarmRules, AlarmSeverity, StationKind } from './alarmRules.ts';
export { DEFAULT_DISCHARGE_TABLES, GB16297_1996_NEW_SOURCES, GB8978_1996_GRADE1 } from './dischargeLimits.ts';
export type { DischargeLimitRow, DischargeLimitTable } from './dischargeLimits.ts';
export { stationLimit } from './stationLimit.ts';
export type { LimitRow, ResolvedLimit, StationLimits } from './stationLimit.ts';
export { evaluateAlarms } from './evaluateAlarms.ts';
export type { EvaluateAlarmsInput } from './evaluateAlarms.ts';

// Incidents
export { INCIDENT_GRADING_2014 } from './incidentGrading.ts';
export type { CategoryTrigger, CountThreshold, IncidentGradingTable, IncidentLevel, IncidentLevelInfo } from './incidentGrading.ts';
export { gradeIncident } from './gradeIncident.ts';
export type { IncidentFacts, IncidentGrade } from './gradeIncident.ts';

// Compensation
export type {
  AgreementParty, AgreementSection, CompensationAgreement, CompensationSettlement, OutcomeTransfer, PartyRole, PeriodAssessments,
  SectionAssessment, SectionSettlement, SettlementOutcome, SettlementPeriod, Transfer, Trend,
} from './CompensationAgreement.ts';
export { COMPENSATION_AGREEMENTS, JIALING_QU_AGREEMENT, QIONGJIANG_AGREEMENT } from './compensationAgreements.ts';
export { pollutionIndex, sectionTrend } from './sectionTrend.ts';
export { settle } from './settle.ts';
