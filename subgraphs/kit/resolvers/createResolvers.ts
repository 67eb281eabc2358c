import { GraphQLScalarType } from 'graphql';
import type { ShardingPolicy } from '../../../schema/shardingPolicies.ts';
import { DateScalar, DateTimeScalar } from '../scalars.ts';
import { alarmResolvers } from './alarmResolvers.ts';
import { aqiResolvers } from './aqiResolvers.ts';
import { caseResolvers } from './caseResolvers.ts';
import { cooperationResolvers } from './cooperationResolvers.ts';
import { dataCaptureResolvers } from './dataCaptureResolvers.ts';
import { emergencyResolvers } from './emergencyResolvers.ts';
import { enterpriseResolvers } from './enterpriseResolvers.ts';
import { jointEnforcementResolvers } from './jointEnforcementResolvers.ts';
import { limitResolvers } from './limitResolvers.ts';
import { monitoringResolvers } from './monitoringResolvers.ts';
import { nodeResolvers } from './nodeResolvers.ts';
import { projectResolvers } from './projectResolvers.ts';
import { waterQualityResolvers } from './waterQualityResolvers.ts';

type ResolverMap = Record<string, object>;

/** The contract's resolvers, once for every bureau; domain files each contribute their types. */
export function createResolvers(policies: ReadonlyMap<string, ShardingPolicy>): ResolverMap {
  const parts: ResolverMap[] = [
    { DateTime: DateTimeScalar, Date: DateScalar },
    nodeResolvers(),
    projectResolvers(policies),
    monitoringResolvers(policies),
    caseResolvers(policies),
    enterpriseResolvers(),
    emergencyResolvers(policies),
    waterQualityResolvers(),
    aqiResolvers(),
    alarmResolvers(policies),
    limitResolvers(),
    dataCaptureResolvers(policies),
    cooperationResolvers(policies),
    jointEnforcementResolvers(policies),
  ];
  const merged: ResolverMap = {};
  for (const part of parts) {
    for (const [type, value] of Object.entries(part)) {
      if (value instanceof GraphQLScalarType) {
        merged[type] = value;
        continue;
      }
      const target = (merged[type] ??= {}) as Record<string, unknown>;
      for (const [field, resolver] of Object.entries(value)) {
        if (field in target) throw new TypeError(`Resolver ${type}.${field} is defined twice.`);
        target[field] = resolver;
      }
    }
  }
  return merged;
}
