import { ERRORS } from '../../../schema/errors.ts';
import { decodeGlobalId, type NodeType } from '../../../schema/globalId.ts';
import type { CityContext } from '../CityContext.ts';
import type { CityLoaders } from '../createLoaders.ts';

const LOADER_OF: Readonly<Record<Exclude<NodeType, CooperationNodeType>, keyof CityLoaders>> = {
  Project: 'projects',
  Station: 'stations',
  EnforcementCase: 'cases',
  JointPatrol: 'patrols',
  EmergencyResource: 'resources',
};

type CooperationNodeType = 'EnvironmentalIncident' | 'IncidentNotice' | 'Bulletin' | 'ResourceRequest' | 'JointMeeting' | 'ActionItem' | 'JointPatrolProposal'
  | 'JointCaseProposal';
const COOPERATION_LOADER_OF = {
  EnvironmentalIncident: 'incidents', IncidentNotice: 'notices', Bulletin: 'bulletins', ResourceRequest: 'resourceRequests',
  JointMeeting: 'jointMeetings', ActionItem: 'actionItems', JointPatrolProposal: 'patrolProposals', JointCaseProposal: 'caseProposals',
} as const;

const isCooperationType = (type: NodeType): type is CooperationNodeType => type in COOPERATION_LOADER_OF;

/** The loader of a node type: the domain loaders, or the cooperation store's. */
function loaderOf(ctx: CityContext, type: NodeType): { load(id: string): Promise<object | null> } {
  if (isCooperationType(type)) {
    if (ctx.cooperation === null) throw ERRORS.CITY_SOURCE_UNAVAILABLE.err(`Bureau ${ctx.cityCode} keeps no cooperation store.`);
    return ctx.cooperation[COOPERATION_LOADER_OF[type]];
  }
  return ctx.loaders[LOADER_OF[type]] as { load(id: string): Promise<object | null> };
}

/** `node(id)`: the id names its type and bureau; another bureau's id is null here. */
export function nodeResolvers() {
  return {
    Query: {
      node: async (_parent: unknown, args: { id: string }, ctx: CityContext) => {
        const parts = decodeGlobalId(args.id);
        if (!parts) throw ERRORS.INVALID_ID.err('id is not a global id of this graph.', { extensions: { argument: 'id' } });
        if (parts.cityCode !== ctx.cityCode) return null;
        const record = await loaderOf(ctx, parts.type).load(args.id);
        return record && { ...record, __typename: parts.type };
      },
    },
    Node: {
      __resolveType: (node: { __typename: NodeType }) => node.__typename,
    },
  };
}
