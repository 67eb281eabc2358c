import { describe, expect, it } from 'vitest';
import { SECTION_FACTS } from '../../../devtools/demo-world/sectionData.ts';
import { COMPENSATION_AGREEMENTS } from '../../../subgraphs/standards/index.ts';

describe('seed compensation agreements', () => {
  for (const agreement of COMPENSATION_AGREEMENTS) {
    it(`${agreement.id} names seeded sections with their seeded rivers' boundary parties and target classes`, () => {
      const up = agreement.parties.find((p) => p.role === 'UPSTREAM')?.adminCode;
      const down = agreement.parties.find((p) => p.role === 'DOWNSTREAM')?.adminCode;
      for (const section of agreement.sections) {
        const fact = SECTION_FACTS.find((f) => f.id === section.sectionId);
        expect(fact?.name).toBe(section.name);
        expect(fact?.targetClass).toBe(section.targetClass);
        expect([fact?.upstreamCityCode, fact?.downstreamCityCode]).toEqual([up, down]);
      }
    });

    it(`${agreement.id} has weights summing to 1 and marks its amounts unverified`, () => {
      expect(agreement.sections.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1, 9);
      expect(Object.values(agreement.rule).every((r) => !r.verified)).toBe(true);
    });
  }
});
