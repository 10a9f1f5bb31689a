import { z } from 'zod';
import { can, requirePermission } from '../../shared/auth/guard';
import type { GraphQLResolverMap } from '../../shared/subgraph/resolver-map';
import type { Ref } from '../../shared/subgraph/context';
import { DateTimeScalar } from '../../shared/runtime/scalars';
import { validate } from '../../shared/runtime/validation';
import { listAuditLog, type AuditFilter } from './audit-log';
import { recordConsent, withdrawConsent } from './consent';
import type { ComplianceContext } from './context';
import type { ConsentRecordEntity } from './entities';
import { identifyingStrings, listRequests, requestDataExport, requestErasure } from './requests';
import { runSweep, updateRetentionPolicy } from './retention';
import { PersonStateEntity, type DataSubjectRequestEntity } from './retention-entities';

const sweepInput = z.object({
  dryRun: z.boolean().default(false),
  batchSize: z.number().int().min(1).max(1000).default(100),
});

/** Consents visible to the caller: all to the person, to others only those of organisations where they are compliance officers. */
async function visibleConsents(user: Ref, { loaders, principal }: ComplianceContext): Promise<ConsentRecordEntity[]> {
  const records: ConsentRecordEntity[] = await loaders.consentsOfUser.load(user.id);
  const self = principal.kind === 'user' && principal.userId === user.id;
  return self
    ? records
    : records.filter(
        (record) =>
          can(principal, 'compliance.manage', record.organizationId) ||
          can(principal, 'compliance.export', record.organizationId),
      );
}

export const resolvers: GraphQLResolverMap<ComplianceContext> = {
  DateTime: DateTimeScalar,
  Query: {
    retentionPolicy: (_: unknown, { clientId }: { clientId: string }, { loaders, principal }: ComplianceContext) => {
      requirePermission(principal, 'compliance.manage', clientId);
      return loaders.retentionPolicy.load(clientId);
    },
    auditLog: (
      _: unknown,
      args: { organizationId: string; filter?: AuditFilter; first?: number; after?: string },
      { db, principal }: ComplianceContext,
    ) => {
      requirePermission(principal, 'audit.read', args.organizationId);
      return listAuditLog(db, args.organizationId, args);
    },
    dataSubjectRequests: (
      _: unknown,
      args: { clientId: string; first?: number; after?: string },
      { db, principal }: ComplianceContext,
    ) => {
      if (!can(principal, 'compliance.export', args.clientId))
        requirePermission(principal, 'compliance.manage', args.clientId);
      return listRequests(db, args.clientId, args);
    },
  },
  Mutation: {
    updateRetentionPolicy: (_: unknown, args: { clientId: string; input: unknown }, context: ComplianceContext) =>
      updateRetentionPolicy(context.db, context, args.clientId, args.input),
    recordConsent: (_: unknown, args: Record<string, unknown>, { db, principal, now }: ComplianceContext) =>
      recordConsent(db, principal, args, now),
    withdrawConsent: (_: unknown, args: { consentId: string }, { db, principal, now }: ComplianceContext) =>
      withdrawConsent(db, principal, args.consentId, now),
    runRetentionSweep: (_: unknown, args: Record<string, unknown>, { db, services }: ComplianceContext) =>
      runSweep(db, services.clock, validate(sweepInput, args), (userId) => identifyingStrings(services, userId)),
    requestDataExport: (_: unknown, { userId }: { userId: string }, { db, principal, services }: ComplianceContext) =>
      requestDataExport(db, services, principal, userId),
    requestErasure: (_: unknown, { userId }: { userId: string }, { db, principal, services }: ComplianceContext) =>
      requestErasure(db, services, principal, userId),
  },
  DataSubjectRequest: {
    /** The export document goes only to the person and to holders of compliance.export in the organisation. */
    document: (request: DataSubjectRequestEntity, _: unknown, { principal }: ComplianceContext) =>
      (principal.kind === 'user' && principal.userId === request.userId) ||
      can(principal, 'compliance.export', request.clientId)
        ? request.result
        : null,
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
    consents: (user: Ref, _: unknown, context: ComplianceContext) => visibleConsents(user, context),
    consent: async (user: Ref, _: unknown, context: ComplianceContext) =>
      (await visibleConsents(user, context)).find((record) => record.withdrawnAt === null) ?? null,
    retentionState: async (user: Ref, _: unknown, { db, principal }: ComplianceContext) => {
      const state = await db.getRepository(PersonStateEntity).findOneBy({ userId: user.id });
      if (
        state?.clientId &&
        !can(principal, 'compliance.manage', state.clientId) &&
        !can(principal, 'compliance.export', state.clientId)
      )
        return null;
      return state ?? { state: 'ACTIVE', softDeletedAt: null, eraseDueAt: null, erasedAt: null };
    },
  },
};
