/**
 * Personal data in compliance: who a person is as compliance knows them (the people copy and the
 * retention state), what every subgraph holds on them (the export document), and the two steps of
 * the GDPR lifecycle that compliance drives for the whole graph: soft deletion and erasure.
 */
import { randomBytes } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { addMonths } from '../../shared/runtime/clock';
import { inTransaction } from '../../shared/data/database';
import { publish } from '../../shared/events/outbox';
import type { Principal } from '../../shared/auth/principal';
import type { SubgraphName } from '../../shared/runtime/config';
import { querySubgraph } from '../../shared/subgraph/client';
import { AccessPersonEntity } from '../../shared/subgraph/facts';
import { LIKE_ESCAPE, likeContaining } from '../../shared/data/sql';
import type { PeerAccess } from './context';
import {
  AuditEntryEntity,
  ConsentRecordEntity,
  DataSubjectRequestEntity,
  ParticipationEntity,
  PersonStateEntity,
  RetentionPolicyEntity,
} from './entities';
import type { Subject } from './policy';

// ---------------------------------------------------------------------------------------------
// Who the person is.

/**
 * The people asked for, as compliance decides about them: the home organisation from identity's
 * PersonChanged, and gone when identity or compliance's own retention state says soft-deleted or
 * erased. Two statements however many people.
 */
export async function readSubjects(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, Subject>> {
  const ids = [...new Set(userIds)];
  const [people, states] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          manager.findBy(AccessPersonEntity, { userId: In(ids) }),
          manager.findBy(PersonStateEntity, { userId: In(ids) }),
        ]);
  const personOf = new Map(people.map((person) => [person.userId, person]));
  const stateOf = new Map(states.map((state) => [state.userId, state.state]));
  return new Map(
    ids.map((userId) => {
      const person = personOf.get(userId);
      const state = stateOf.get(userId);
      const gone = (person?.deleted ?? false) || (state !== undefined && state !== 'ACTIVE');
      return [userId, { userId, organizationId: person?.organizationId ?? null, gone }];
    }),
  );
}

export async function findSubject(manager: EntityManager, userId: string): Promise<Subject> {
  return (await readSubjects(manager, [userId])).get(userId)!;
}

// ---------------------------------------------------------------------------------------------
// What the graph holds on the person.

const SYSTEM: Principal = { kind: 'system', service: 'compliance' };
const HOLDERS: SubgraphName[] = ['identity', 'tenancy', 'permissions'];

/** What one subgraph holds on a person, as JSON text, from its system-only _<subgraph>PersonalData field. */
async function personalDataFrom(peers: PeerAccess, subgraph: SubgraphName, userId: string): Promise<unknown> {
  const field = `_${subgraph}PersonalData`;
  const data = await querySubgraph<Record<string, string>>({
    url: peers.peers[subgraph],
    audience: subgraph,
    tokens: peers.tokens,
    principal: SYSTEM,
    query: `query($userId: ID!) { ${field}(userId: $userId) }`,
    variables: { userId },
  });
  return JSON.parse(data[field]) as unknown;
}

/** Strings that identify the person (email, names, username), to scrub from free-form records. */
export async function identifyingStrings(peers: PeerAccess, userId: string): Promise<string[]> {
  const identity = (await personalDataFrom(peers, 'identity', userId)) as { user?: Record<string, unknown> } | null;
  const user = identity?.user ?? {};
  return ['email', 'username', 'firstName', 'lastName']
    .map((key) => user[key])
    .filter((value): value is string => typeof value === 'string' && value.length > 0);
}

/** Everything every subgraph holds on the person, compliance's own records included, as one document. */
export async function exportDocument(
  db: DataSource,
  peers: PeerAccess,
  userId: string,
  exportedAt: Date,
): Promise<Record<string, unknown>> {
  const sections = Object.fromEntries(
    await Promise.all(
      HOLDERS.map(async (subgraph) => [subgraph, await personalDataFrom(peers, subgraph, userId)] as const),
    ),
  );
  const [consents, participations, state] = await Promise.all([
    db.getRepository(ConsentRecordEntity).find({ where: { userId }, order: { givenAt: 'ASC' } }),
    db.getRepository(ParticipationEntity).findBy({ userId }),
    db.getRepository(PersonStateEntity).findOneBy({ userId }),
  ]);
  return {
    userId,
    exportedAt: exportedAt.toISOString(),
    ...sections,
    compliance: { consents, participations, retentionState: state },
  };
}

// ---------------------------------------------------------------------------------------------
// Soft deletion and erasure.

export const newPseudonym = (): string => `erased-${randomBytes(12).toString('hex')}`;

/**
 * Soft-deletes one person: a conditional transition (only from ACTIVE or no state), the event to every
 * subgraph, both in one transaction. Returns false when another sweep got there first.
 */
export async function softDelete(
  db: DataSource,
  { userId, clientId, reason }: { userId: string; clientId: string | null; reason: string },
  now: Date,
): Promise<boolean> {
  const policy = clientId ? await db.getRepository(RetentionPolicyEntity).findOneBy({ clientId }) : null;
  const eraseDueAt = addMonths(now, policy?.eraseAfterMonths ?? 36);
  return inTransaction(db, async (manager) => {
    const existing = await manager.findOneBy(PersonStateEntity, { userId });
    if (existing && existing.state !== 'ACTIVE') return false;
    if (existing) {
      const moved = await manager.update(
        PersonStateEntity,
        { userId, state: 'ACTIVE' },
        { state: 'SOFT_DELETED', reason, softDeletedAt: now, eraseDueAt },
      );
      if (!moved.affected) return false;
    } else {
      // Two sweeps inserting the same person: the primary key lets only one through (the other rolls back).
      await manager.insert(PersonStateEntity, {
        userId,
        clientId,
        state: 'SOFT_DELETED',
        reason,
        softDeletedAt: now,
        eraseDueAt,
        erasedAt: null,
        pseudonym: null,
      });
    }
    await publish(manager, 'PersonSoftDeleted', { userId, clientId, reason }, now);
    return true;
  });
}

export interface EraseOptions {
  /** The person's email, names and username, scrubbed from free-form audit records. */
  identifyingStrings?: string[];
  /** The states erasure may start from: after soft deletion (the sweep), or also active (on request). */
  fromStates?: Array<'ACTIVE' | 'SOFT_DELETED'>;
}

/**
 * Erases one person: the transition to ERASED, compliance's own records (consents, participations,
 * export documents, personal data in audit entries) and the event that makes every other subgraph
 * erase, in one transaction. Returns false when the person was not in a state it may start from.
 */
export async function erase(
  db: DataSource,
  userId: string,
  now: Date,
  { identifyingStrings = [], fromStates = ['SOFT_DELETED'] }: EraseOptions = {},
): Promise<boolean> {
  const pseudonym = newPseudonym();
  return inTransaction(db, async (manager) => {
    const existing = await manager.findOneBy(PersonStateEntity, { userId });
    if (existing) {
      if (!fromStates.includes(existing.state as 'ACTIVE' | 'SOFT_DELETED')) return false;
      const moved = await manager.update(
        PersonStateEntity,
        { userId, state: existing.state },
        { state: 'ERASED', erasedAt: now, pseudonym, reason: existing.reason },
      );
      if (!moved.affected) return false;
    } else {
      if (!fromStates.includes('ACTIVE')) return false;
      await manager.insert(PersonStateEntity, {
        userId,
        clientId: null,
        state: 'ERASED',
        reason: 'erasure requested',
        softDeletedAt: null,
        eraseDueAt: null,
        erasedAt: now,
        pseudonym,
      });
    }
    await manager.delete(ConsentRecordEntity, { userId });
    await manager.delete(ParticipationEntity, { userId });
    // Exports made earlier hold the person's data: the documents go, the requests stay as a record.
    await manager.update(DataSubjectRequestEntity, { userId, kind: 'EXPORT' }, { result: null });
    await scrubAuditEntries(manager, userId, pseudonym, identifyingStrings);
    await publish(manager, 'PersonErased', { userId, pseudonym }, now);
    return true;
  });
}

/** Audit entries stay (append-only) but keep only the pseudonym: ids and any name or email in before/after are replaced. */
async function scrubAuditEntries(
  manager: EntityManager,
  userId: string,
  pseudonym: string,
  identifyingStrings: string[],
): Promise<void> {
  const needles = [userId, ...identifyingStrings.filter((value) => value.length >= 3)];
  const rows = await manager
    .getRepository(AuditEntryEntity)
    .createQueryBuilder('entry')
    .where('entry.actorId = :userId OR entry.targetId = :userId', { userId })
    .orWhere(
      needles
        .map((_, index) => `entry.before LIKE :n${index} ${LIKE_ESCAPE} OR entry.after LIKE :n${index} ${LIKE_ESCAPE}`)
        .join(' OR '),
      Object.fromEntries(needles.map((needle, index) => [`n${index}`, likeContaining(needle)])),
    )
    .getMany();
  const scrub = (value: string | null): string | null =>
    value === null ? null : needles.reduce((text, needle) => text.split(needle).join(pseudonym), value);
  for (const row of rows) {
    await manager.update(
      AuditEntryEntity,
      { id: row.id },
      {
        actorId: row.actorId === userId ? pseudonym : row.actorId,
        targetId: row.targetId === userId ? pseudonym : row.targetId,
        before: scrub(row.before),
        after: scrub(row.after),
      },
    );
  }
}
