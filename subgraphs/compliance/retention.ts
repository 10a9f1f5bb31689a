import { randomBytes } from 'node:crypto';
import { In, IsNull, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { addMonths, type Clock } from '../../shared/runtime/clock';
import { inTransaction } from '../../shared/data/database';
import { notFound } from '../../shared/runtime/errors';
import { newId } from '../../shared/runtime/ids';
import { publish } from '../../shared/events/outbox';
import type { Actor } from '../../shared/auth/principal';
import { validate } from '../../shared/runtime/validation';
import { LIKE_ESCAPE, likeContaining } from '../../shared/data/sql';
import { actorId, requirePermission } from '../../shared/auth/guard';
import { AuditEntryEntity, ConsentRecordEntity, RetentionPolicyEntity } from './entities';
import { ParticipationEntity, PersonStateEntity } from './retention-entities';

const DAY_MS = 86_400_000;

/** Bounds of a retention policy: long enough to be lawful to configure, short enough to be meaningful. */
const policyInput = z.object({
  softDeleteAfterMonths: z.number().int().min(1).max(120).optional().nullable(),
  eraseAfterMonths: z.number().int().min(1).max(120).optional().nullable(),
  privacyTermsVersion: z.string().trim().min(1).max(50).optional().nullable(),
  acceptanceWindowDays: z.number().int().min(1).max(365).optional().nullable(),
});

/** Changes a client's retention policy (compliance.manage); the change is written to the audit log. */
export async function updateRetentionPolicy(
  db: DataSource,
  context: Actor,
  clientId: string,
  input: unknown,
): Promise<RetentionPolicyEntity> {
  const { now } = context;
  requirePermission(context.principal, 'compliance.manage', clientId);
  const changes = validate(policyInput, input);
  return inTransaction(db, async (manager) => {
    const policy = await manager.findOneBy(RetentionPolicyEntity, { clientId });
    if (!policy) throw notFound('Retention policy of client', clientId);
    const before = {
      softDeleteAfterMonths: policy.softDeleteAfterMonths,
      eraseAfterMonths: policy.eraseAfterMonths,
      privacyTermsVersion: policy.privacyTermsVersion,
      acceptanceWindowDays: policy.acceptanceWindowDays,
    };
    const after = {
      softDeleteAfterMonths: changes.softDeleteAfterMonths ?? policy.softDeleteAfterMonths,
      eraseAfterMonths: changes.eraseAfterMonths ?? policy.eraseAfterMonths,
      privacyTermsVersion: changes.privacyTermsVersion ?? policy.privacyTermsVersion,
      acceptanceWindowDays: changes.acceptanceWindowDays ?? policy.acceptanceWindowDays,
    };
    await manager.update(RetentionPolicyEntity, { clientId }, { ...after, updatedAt: now });
    // The audit log lives in this subgraph: the entry is written in the same transaction.
    await manager.insert(AuditEntryEntity, {
      id: newId(),
      organizationId: clientId,
      actorId: actorId(context.principal),
      action: 'RETENTION_POLICY_UPDATED',
      targetType: 'RetentionPolicy',
      targetId: clientId,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
      occurredAt: now,
      requestId: context.requestId || null,
    });
    return { ...policy, ...after, updatedAt: now };
  });
}

/** Records that a participant joined a project (from tenancy's ProjectJoined); the clock starts there. */
export async function recordParticipation(
  manager: EntityManager,
  payload: { projectId: string; clientId: string; userId: string; joinedAt: string },
): Promise<void> {
  if (await manager.existsBy(ParticipationEntity, { projectId: payload.projectId, userId: payload.userId })) return;
  await manager.insert(ParticipationEntity, {
    projectId: payload.projectId,
    userId: payload.userId,
    clientId: payload.clientId,
    joinedAt: new Date(payload.joinedAt),
  });
}

export interface SweepOptions {
  dryRun: boolean;
  batchSize: number;
}

export interface SweepReport {
  dryRun: boolean;
  now: Date;
  softDeleted: string[];
  erased: string[];
  /** More work was due than one batch allowed; run again. */
  hasMore: boolean;
}

/** Participants whose acceptance window passed without valid consent, and whose soft deletion is due. */
async function dueForSoftDeletion(
  db: DataSource,
  now: Date,
  limit: number,
): Promise<Array<{ userId: string; clientId: string }>> {
  const due: Array<{ userId: string; clientId: string }> = [];
  const policies = await db.getRepository(RetentionPolicyEntity).find();
  for (const policy of policies) {
    if (due.length >= limit) break;
    // joinedAt + softDeleteAfterMonths <= now  <=>  joinedAt <= now - softDeleteAfterMonths
    const joinedBefore = addMonths(now, -policy.softDeleteAfterMonths);
    const candidates = await db
      .getRepository(ParticipationEntity)
      .createQueryBuilder('p')
      .leftJoin(PersonStateEntity, 'state', 'state.userId = p.userId')
      .where('p.clientId = :clientId', { clientId: policy.clientId })
      .andWhere('p.joinedAt <= :joinedBefore', { joinedBefore })
      .andWhere("(state.userId IS NULL OR state.state = 'ACTIVE')")
      .orderBy('p.joinedAt', 'ASC')
      .take(limit * 4)
      .getMany();
    if (candidates.length === 0) continue;
    const consents = await db.getRepository(ConsentRecordEntity).findBy({
      userId: In([...new Set(candidates.map((c) => c.userId))]),
      policyVersion: policy.privacyTermsVersion,
      withdrawnAt: IsNull(),
    });
    const seen = new Set(due.map((entry) => entry.userId));
    for (const participation of candidates) {
      if (seen.has(participation.userId)) continue;
      // Consent counts only when it was given within the policy's acceptance window after joining.
      const deadline = new Date(participation.joinedAt.getTime() + policy.acceptanceWindowDays * DAY_MS);
      const consentedInTime = consents.some(
        (consent) => consent.userId === participation.userId && consent.givenAt <= deadline,
      );
      if (consentedInTime) continue;
      due.push({ userId: participation.userId, clientId: policy.clientId });
      seen.add(participation.userId);
      if (due.length >= limit) break;
    }
  }
  return due;
}

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

/**
 * Erases one person: the transition to ERASED, compliance's own records (consents, participations,
 * personal data in audit entries) and the event that makes every other subgraph erase, in one transaction.
 */
export interface EraseOptions {
  /** The person's email, names and username, scrubbed from free-form audit records. */
  identifyingStrings?: string[];
  /** The states erasure may start from: after soft deletion (the sweep), or also active (on request). */
  fromStates?: Array<'ACTIVE' | 'SOFT_DELETED'>;
}

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

/**
 * One sweep: soft-deletes due participants and erases those whose grace period ended, in batches.
 * Safe on several replicas at once and after a crash: every step is a conditional transition
 * committed together with its event, so nothing is done twice and nothing acknowledged is lost.
 */
export async function runSweep(
  db: DataSource,
  clock: Clock,
  options: SweepOptions,
  personalStrings: (userId: string) => Promise<string[]> = async () => [],
): Promise<SweepReport> {
  const now = clock.now();
  const limit = options.batchSize;
  const toSoftDelete = await dueForSoftDeletion(db, now, limit + 1);
  const toErase = await db.getRepository(PersonStateEntity).find({
    where: { state: 'SOFT_DELETED', eraseDueAt: LessThanOrEqual(now) },
    order: { eraseDueAt: 'ASC' },
    take: limit + 1,
  });
  const report: SweepReport = {
    dryRun: options.dryRun,
    now,
    softDeleted: [],
    erased: [],
    hasMore: toSoftDelete.length > limit || toErase.length > limit,
  };
  if (options.dryRun) {
    report.softDeleted = toSoftDelete.slice(0, limit).map((entry) => entry.userId);
    report.erased = toErase.slice(0, limit).map((entry) => entry.userId);
    return report;
  }
  for (const entry of toSoftDelete.slice(0, limit)) {
    try {
      if (await softDelete(db, { ...entry, reason: 'privacy terms not accepted in time' }, now))
        report.softDeleted.push(entry.userId);
    } catch (error) {
      // Lost a race with another replica on the same person: it did the step.
      if (!(await db.getRepository(PersonStateEntity).existsBy({ userId: entry.userId }))) throw error;
    }
  }
  for (const entry of toErase.slice(0, limit)) {
    if (await erase(db, entry.userId, now, { identifyingStrings: await personalStrings(entry.userId) }))
      report.erased.push(entry.userId);
  }
  return report;
}
