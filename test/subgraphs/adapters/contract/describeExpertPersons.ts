import { describe, expect, it } from 'vitest';
import { resource } from '../../../fixtures/bureauRecords.ts';
import type { ContractContext } from '../sharedAdapterSuite.ts';

/**
 * A bureau's system may list an expert by the person's name (a ledger's 名称, the legacy wzmc, an
 * old SQL store): every adapter serves the resource under its speciality's label and the person
 * only as the contact (schema/contract/emergency.graphql, EmergencyResource.name).
 */
export function describeExpertPersons({ openSource }: ContractContext): void {
  describe('experts', () => {
    it('serves an expert listed by the person\'s name under its speciality, the person only as the contact', async () => {
      const listedByName = resource(1, {
        name: '王建国', kind: 'EXPERT', category: 'TREATMENT', specification: '环境化学（污染物降解与中和）',
        quantity: 1, unit: '人', depot: null, expiresOn: null, contact: { person: '王建国', phone: '13800000000' },
      });
      const withoutContact = resource(2, { ...listedByName, id: resource(2).id, name: '李秀英', contact: null });
      const opened = await openSource({ resources: [listedByName, withoutContact] });
      try {
        const label = '应急专家：环境化学（污染物降解与中和）';
        const [first, second] = await opened.source.emergency.resourcesByIds([listedByName.id, withoutContact.id]);
        expect([first?.name, first?.contact]).toEqual([label, { person: '王建国', phone: '13800000000' }]);
        expect([second?.name, second?.contact?.person]).toEqual([label, '李秀英']);
        const page = await opened.source.emergency.listResources({ filter: {}, sort: { field: 'id', direction: 'ASC' }, after: null, limit: 10 });
        expect(page.items.map((r) => r.name)).toEqual([label, label]);
      } finally {
        await opened.close();
      }
    });
  });
}
