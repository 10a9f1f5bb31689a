import type { GraphQLResolverMap } from '../../shared/resolver-map';
import { can, requirePermission } from '../../shared/guard';
import { DateTimeScalar } from '../../shared/scalars';
import { listAuditLog, type AuditFilter } from './audit-log';
import type { ComplianceContext } from './context';
import type { ConsentRecordEntity } from './entities';

type Ref = { id: string };

export const resolvers: GraphQLResolverMap<ComplianceContext> = {
  DateTime: DateTimeScalar,
  Query: {
    retentionPolicy: (_: unknown, { clientId }: { clientId: string }, { loaders, principal }: ComplianceContext) => {
      requirePermission(principal, 'compliance.manage', clientId);
      return loaders.retentionPolicy.load(clientId);
    },
    auditLog: (_: unknown, args: { organizationId: string; filter?: AuditFilter; first?: number; after?: string }, { db, principal }: ComplianceContext) => {
      requirePermission(principal, 'audit.read', args.organizationId);
      return listAuditLog(db, args.organizationId, args.filter, args.first, args.after);
    },
  },
  Client: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    retentionPolicy: (client: Ref, _: unknown, { loaders, principal }: ComplianceContext) => {
      requirePermission(principal, 'compliance.manage', client.id);
      return loaders.retentionPolicy.load(client.id);
    },
  },
  User: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    consents: async (user: Ref, _: unknown, { loaders, principal }: ComplianceContext) => {
      const records: ConsentRecordEntity[] = await loaders.consentsOfUser.load(user.id);
      const self = principal.kind === 'user' && principal.userId === user.id;
      return self ? records : records.filter((record) => can(principal, 'compliance.manage', record.organizationId) || can(principal, 'compliance.export', record.organizationId));
    },
  },
};
