/**
 * Every read compliance serves, bound to the caller's Access (policy.ts decides who sees what): a
 * row the caller may not see loads as null, a list under an organisation it may not see is empty,
 * so a resolver cannot return either even if it forgets to ask. One set per request; lookups are
 * batched, so a page of a hundred users costs the same statements as a page of five.
 */
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import type { Access } from '../../shared/auth/access';
import { rowsByColumn } from '../../shared/data/loaders';
import {
  keysetPage,
  pageRequest,
  toConnection,
  type Connection,
  type KeysetOrder,
  type PageArgs,
} from '../../shared/data/pagination';
import type { Ref } from '../../shared/subgraph/context';
import {
  AuditEntryEntity,
  ConsentRecordEntity,
  DataSubjectRequestEntity,
  PersonStateEntity,
  RetentionPolicyEntity,
  type PersonState,
} from './entities';
import {
  mayListDataSubjectRequests,
  mayReadAuditLog,
  mayReadExportDocument,
  mayReadRetentionPolicy,
  mayReadRetentionState,
  maySeeClient,
  maySeePerson,
  type Subject,
} from './policy';
import { readSubjects } from './privacy';

/** A person's place in the retention lifecycle, as `PersonRetentionState` shows it. */
export interface RetentionStateView {
  state: PersonState;
  softDeletedAt: Date | null;
  eraseDueAt: Date | null;
  erasedAt: Date | null;
}

/** What `auditLog` filters by (the schema's AuditFilter, as the resolver receives it). */
export interface AuditFilter {
  actorId?: string | null;
  targetId?: string | null;
  action?: string | null;
  from?: Date | string | null;
  to?: Date | string | null;
}

const ACTIVE: RetentionStateView = { state: 'ACTIVE', softDeletedAt: null, eraseDueAt: null, erasedAt: null };

/** Newest first: occurredAt, and the id among entries of the same instant (the org/time index ends with both). */
const AUDIT_NEWEST_FIRST: KeysetOrder<AuditEntryEntity> = {
  column: 'entry.occurredAt',
  direction: 'DESC',
  cursorValue: (entry) => entry.occurredAt.toISOString(),
  parameter: (value) => new Date(value),
};

const REQUESTS_NEWEST_FIRST: KeysetOrder<DataSubjectRequestEntity> = {
  column: 'request.requestedAt',
  direction: 'DESC',
  cursorValue: (request) => request.requestedAt.toISOString(),
  parameter: (value) => new Date(value),
};

/** An empty page, for a list under an organisation the caller may not see (the same as an unknown one). */
function emptyConnection<T>(args: PageArgs): Connection<T> {
  return toConnection<T>([], pageRequest(args.first, args.after), 0, () => '');
}

export function createLoaders(db: DataSource, access: Access) {
  const policies = new DataLoader<string, RetentionPolicyEntity | null>(async (clientIds) => {
    const rows = await db.getRepository(RetentionPolicyEntity).findBy({ clientId: In([...clientIds]) });
    const byClient = new Map(rows.map((row) => [row.clientId, row]));
    return clientIds.map((id) => byClient.get(id) ?? null);
  });
  const subjects = new DataLoader<string, Subject>(async (userIds) => {
    const found = await readSubjects(db.manager, userIds);
    return userIds.map((userId) => found.get(userId)!);
  });
  const states = new DataLoader<string, PersonStateEntity | null>(async (userIds) => {
    const rows = await db.getRepository(PersonStateEntity).findBy({ userId: In([...userIds]) });
    const byUser = new Map(rows.map((row) => [row.userId, row]));
    return userIds.map((id) => byUser.get(id) ?? null);
  });
  const consents = rowsByColumn(db.getRepository(ConsentRecordEntity), 'userId', { givenAt: 'DESC' });

  /** The person, when the caller may see their compliance records (policy.maySeePerson). */
  const visiblePerson = async (userId: string): Promise<Subject | null> => {
    const subject = await subjects.load(userId);
    return (await maySeePerson(access, subject)) ? subject : null;
  };

  return {
    /** The Client compliance extends: null when the caller does not reach the organisation. */
    async client(clientId: string): Promise<Ref | null> {
      return (await maySeeClient(access, clientId)) ? { id: clientId } : null;
    },

    /** A client's retention policy; null when it has none or the caller may not read it. */
    async retentionPolicy(clientId: string): Promise<RetentionPolicyEntity | null> {
      return (await mayReadRetentionPolicy(access, clientId)) ? policies.load(clientId) : null;
    },

    /** The User compliance resolves: null for people the caller may not see, and for soft-deleted or erased ones. */
    async person(userId: string): Promise<Ref | null> {
      return (await visiblePerson(userId)) ? { id: userId } : null;
    },

    /** The person's consent history, newest first; null when the person is out of the caller's sight. */
    async consents(userId: string): Promise<ConsentRecordEntity[] | null> {
      return (await visiblePerson(userId)) ? consents.load(userId) : null;
    },

    /** Where the person stands in retention: compliance officers of their home organisation only. */
    async retentionState(userId: string): Promise<RetentionStateView | null> {
      if (!(await mayReadRetentionState(access, await subjects.load(userId)))) return null;
      return (await states.load(userId)) ?? ACTIVE;
    },

    /** A data-subject request's export document: for the person it is about and compliance.export holders. */
    async exportDocument(request: DataSubjectRequestEntity): Promise<string | null> {
      return (await mayReadExportDocument(access, request)) ? request.result : null;
    },

    /** An organisation's audit log, newest first, keyset-paginated on (occurredAt, id). */
    async auditLog(
      organizationId: string,
      args: PageArgs & { filter?: AuditFilter | null },
    ): Promise<Connection<AuditEntryEntity>> {
      if (!(await mayReadAuditLog(access, organizationId))) return emptyConnection(args);
      const page = pageRequest(args.first, args.after);
      const { filter } = args;
      const base = db
        .getRepository(AuditEntryEntity)
        .createQueryBuilder('entry')
        .where('entry.organizationId = :organizationId', { organizationId });
      if (filter?.actorId) base.andWhere('entry.actorId = :actorId', { actorId: filter.actorId });
      if (filter?.targetId) base.andWhere('entry.targetId = :targetId', { targetId: filter.targetId });
      if (filter?.action) base.andWhere('entry.action = :action', { action: filter.action });
      if (filter?.from) base.andWhere('entry.occurredAt >= :from', { from: new Date(filter.from) });
      if (filter?.to) base.andWhere('entry.occurredAt < :to', { to: new Date(filter.to) });
      return keysetPage(base, page, AUDIT_NEWEST_FIRST);
    },

    /** A client's data-subject requests, newest first, keyset-paginated on (requestedAt, id). */
    async dataSubjectRequests(clientId: string, args: PageArgs): Promise<Connection<DataSubjectRequestEntity>> {
      if (!(await mayListDataSubjectRequests(access, clientId))) return emptyConnection(args);
      const page = pageRequest(args.first, args.after);
      const base = db
        .getRepository(DataSubjectRequestEntity)
        .createQueryBuilder('request')
        .where('request.clientId = :clientId', { clientId });
      return keysetPage(base, page, REQUESTS_NEWEST_FIRST);
    },
  };
}

export type ComplianceLoaders = ReturnType<typeof createLoaders>;
