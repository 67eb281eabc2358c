/**
 * Checks every safelisted document against the public schema and the operation limits, so a bad
 * manifest stops the gateway at startup with the operation's name instead of failing a front end
 * in production. Pure; throws on the first bad operation.
 */
import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { checkOperationLimits } from '../limits/checkOperationLimits.ts';
import type { OperationLimits } from '../limits/OperationLimits.ts';
import type { Safelist } from './Safelist.ts';

export function checkSafelist(safelist: Safelist, schema: GraphQLSchema, limits: OperationLimits): void {
  for (const operation of safelist.operations) {
    const document = parse(operation.body);
    const where = `ECOGRAPH_SAFELIST: operation "${operation.name}" (${operation.id})`;
    const invalid = validate(schema, document, specifiedRules);
    if (invalid.length > 0) throw new Error(`${where} does not validate against the public schema: ${invalid.map((e) => e.message).join('; ')}`);
    const refused = checkOperationLimits(document, limits);
    if (refused) throw new Error(`${where} exceeds the operation limits (${refused.extensions['code']}): ${refused.message}`);
  }
}
