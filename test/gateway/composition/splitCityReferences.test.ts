/**
 * The fields the contract marks @cityReference (IncidentNotice.incident, ActionItem.meeting) go to a virtual subgraph of
 * their own, where the entity they return is a key-only stub: the planner then asks the bureau holding
 * the notice for the incident's key only, and the incident's bureau for the rest.
 */
import { Kind, parse, print, type DocumentNode, type ObjectTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../../gateway/composition/composeSupergraph.ts';
import { splitCityReferences } from '../../../gateway/composition/splitCityReferences.ts';
import { loadContract, loadRegion } from '../../../schema/loadContract.ts';

const fieldsOf = (doc: DocumentNode, type: string) => doc.definitions
  .filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === type)
  .flatMap((d) => (d.fields ?? []).map((f) => f.name.value));

describe('splitCityReferences', () => {
  // [holder, field, a field that stays in cities, the referenced entity]: a recipient's notice → the
  // reporter's incident; an assignee's action item → the convener's meeting.
  it.each([
    ['IncidentNotice', 'incident', 'incidentTitle', 'EnvironmentalIncident'],
    ['ActionItem', 'meeting', 'meetingTitle', 'JointMeeting'],
  ])('moves %s.%s out of cities, with the holder\'s key and the referenced entity as a key-only stub', (holder, field, kept, entity) => {
    const { cities, references } = splitCityReferences(loadContract());
    expect(fieldsOf(cities, holder)).not.toContain(field);
    expect(fieldsOf(cities, holder)).toContain(kept);
    expect(fieldsOf(references!, holder).sort()).toEqual(['cityCode', 'id', field]);
    expect(fieldsOf(references!, entity).sort()).toEqual(['cityCode', 'id']);
    const sdl = print(references!);
    expect(sdl).toContain(`type ${entity} @key(fields: "cityCode id", resolvable: false)`);
    expect(sdl).not.toContain('@cityReference');
  });

  it('composes, the field resolved by the city-references subgraph', () => {
    const supergraph = composeSupergraph({ typeDefs: loadRegion(), url: 'http://region.invalid/graphql' }, loadContract());
    expect(supergraph).toMatch(/incident: EnvironmentalIncident @join__field\(graph: CITY_REFERENCES\)/);
    expect(supergraph).toMatch(/meeting: JointMeeting @join__field\(graph: CITY_REFERENCES\)/);
    expect(supergraph).not.toContain('cityReference');
  });

  it('leaves a contract without the directive alone', () => {
    const plain = parse(print(loadContract()).replace(/(?<!directive) @cityReference/g, ''));
    expect(splitCityReferences(plain)).toEqual({ cities: plain, references: null });
  });
});
