import { buildSchema, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createOperationLimitsRule } from '../../../gateway/limits/createOperationLimitsRule.ts';
import { DEFAULT_OPERATION_LIMITS } from '../../../gateway/limits/OperationLimits.ts';

const schema = buildSchema(`
  type Query { station(id: ID): Station  stations: [Station!]! }
  type Station { id: ID! name: String! code: String! }
`);

/** As Apollo Server runs it: the specified rules first, ours after them. */
const rules = [...specifiedRules, createOperationLimitsRule(DEFAULT_OPERATION_LIMITS)];

describe('createOperationLimitsRule', () => {
  it('reports nothing for a document within the limits, and the usual errors for an invalid one', () => {
    expect(validate(schema, parse('{ stations { id name } }'), rules)).toEqual([]);
    expect(validate(schema, parse('{ stations { nope } }'), rules).map((e) => e.message)).toEqual([
      'Cannot query field "nope" on type "Station". Did you mean "code" or "name"?',
    ]);
  });

  it('refuses before the costly rules walk the document: one error, and no rule sees a field', () => {
    // 3000 aliases of one response name over two different fields: OverlappingFieldsCanBeMergedRule
    // compares them pairwise (measured > 1 s on this machine without the rule).
    const document = parse(`{ stations { ${Array.from({ length: 3000 }, (_, i) => `x: ${i % 2 ? 'id' : 'name'}`).join(' ')} } }`);
    let fieldsSeen = 0;
    const spy: ValidationRule = () => ({ Field() { fieldsSeen += 1; } }); // stands for the costly rules, which run beside it
    const errors = validate(schema, document, [...rules, spy]);
    expect(errors.map((e) => [e.message, e.extensions['code']])).toEqual([
      ['The operation has 3000 aliased fields (fragments expanded); the limit is 30.', 'TOO_MANY_ALIASES'],
    ]);
    expect(fieldsSeen).toBe(0);
  });

  it('refuses circular fragments through the usual rule, after measuring them without looping', () => {
    const errors = validate(schema, parse('{ stations { ...A } } fragment A on Station { id ...B } fragment B on Station { name ...A }'), rules);
    expect(errors.map((e) => e.message)).toContain('Cannot spread fragment "A" within itself via "B".');
  });
});
