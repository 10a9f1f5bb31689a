import type { GraphQLResolverMap } from '@apollo/subgraph';
import { DateTimeScalar } from '../../shared/scalars';
import type { ComplianceContext } from './context';

type Ref = { id: string };

export const resolvers: GraphQLResolverMap<ComplianceContext> = {
  DateTime: DateTimeScalar,
  Query: {
    retentionPolicy: (_: unknown, { clientId }: { clientId: string }, { loaders }: ComplianceContext) => loaders.retentionPolicy.load(clientId),
  },
  Client: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    retentionPolicy: (client: Ref, _: unknown, { loaders }: ComplianceContext) => loaders.retentionPolicy.load(client.id),
  },
  User: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    consents: (user: Ref, _: unknown, { loaders }: ComplianceContext) => loaders.consentsOfUser.load(user.id),
  },
};
