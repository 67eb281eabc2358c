/**
 * The fields the contract marks @cityReference (IncidentNotice.incident) go to a virtual subgraph of
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
  it('moves IncidentNotice.incident out of cities, with the notice\'s key and the incident as a key-only stub', () => {
    const { cities, references } = splitCityReferences(loadContract());
    expect(fieldsOf(cities, 'IncidentNotice')).not.toContain('incident');
    expect(fieldsOf(cities, 'IncidentNotice')).toContain('incidentTitle');
    expect(fieldsOf(references!, 'IncidentNotice').sort()).toEqual(['cityCode', 'id', 'incident']);
    expect(fieldsOf(references!, 'EnvironmentalIncident').sort()).toEqual(['cityCode', 'id']);
    const sdl = print(references!);
    expect(sdl).toContain('type EnvironmentalIncident @key(fields: "cityCode id", resolvable: false)');
    expect(sdl).not.toContain('@cityReference');
  });

  it('moves ActionItem.meeting too: the assignee\'s copy answers the meeting\'s key, the convener the rest', () => {
    const { cities, references } = splitCityReferences(loadContract());
    expect(fieldsOf(cities, 'ActionItem')).not.toContain('meeting');
    expect(fieldsOf(cities, 'ActionItem')).toContain('meetingTitle');
    expect(fieldsOf(references!, 'ActionItem').sort()).toEqual(['cityCode', 'id', 'meeting']);
    expect(fieldsOf(references!, 'JointMeeting').sort()).toEqual(['cityCode', 'id']);
    expect(print(references!)).toContain('type JointMeeting @key(fields: "cityCode id", resolvable: false)');
  });

  it('composes, the field resolved by the city-references subgraph', () => {
    const supergraph = composeSupergraph({ typeDefs: loadRegion(), url: 'http://region.invalid/graphql' }, loadContract());
    expect(supergraph).toMatch(/incident: EnvironmentalIncident @join__field\(graph: CITY_REFERENCES\)/);
    expect(supergraph).not.toContain('cityReference');
  });

  it('leaves a contract without the directive alone', () => {
    const plain = parse(print(loadContract()).replace(/(?<!directive) @cityReference/g, ''));
    expect(splitCityReferences(plain)).toEqual({ cities: plain, references: null });
  });
});
