import { ERRORS } from '../../../schema/errors.ts';
import { decodeGlobalId, type NodeType } from '../../../schema/globalId.ts';
import type { CityContext } from '../CityContext.ts';
import type { CityLoaders } from '../createLoaders.ts';

const LOADER_OF: Readonly<Record<NodeType, keyof CityLoaders>> = {
  Project: 'projects',
  Station: 'stations',
  EnforcementCase: 'cases',
  JointPatrol: 'patrols',
  EmergencyResource: 'resources',
};

/** `node(id)`: the id names its type and bureau; another bureau's id is null here. */
export function nodeResolvers() {
  return {
    Query: {
      node: async (_parent: unknown, args: { id: string }, ctx: CityContext) => {
        const parts = decodeGlobalId(args.id);
        if (!parts) throw ERRORS.INVALID_ID.err('id is not a global id of this graph.', { extensions: { argument: 'id' } });
        if (parts.cityCode !== ctx.cityCode) return null;
        const loader = ctx.loaders[LOADER_OF[parts.type]] as { load(id: string): Promise<object | null> };
        const record = await loader.load(args.id);
        return record && { ...record, __typename: parts.type };
      },
    },
    Node: {
      __resolveType: (node: { __typename: NodeType }) => node.__typename,
    },
  };
}
