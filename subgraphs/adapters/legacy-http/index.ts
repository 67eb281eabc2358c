/** The legacy JSON/HTTP adapter (511600 广安市's old system). */
export { LegacyHttpBureauSource } from './LegacyHttpBureauSource.ts';
export type { LegacyHttpSourceContext, LegacyHttpSourceOptions } from './LegacyHttpBureauSource.ts';
export type { LegacyAttemptEvent } from './LegacyClient.ts';
export { LEGACY_CODE_TABLES } from './legacyCodes.ts';
export type { LegacyCodeTable } from './legacyCodes.ts';
