/**
 * The retention clock and the sweep: participations start the clock, the sweep soft-deletes who did
 * not accept the privacy terms in time and erases whose grace period ended (privacy.ts does each step).
 */
import { In, IsNull, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import type { Access } from '../../shared/auth/access';
import type { EventPayloads } from '../../shared/events/events';
import { addMonths, type Clock } from '../../shared/runtime/clock';
import { validate } from '../../shared/runtime/validation';
import { AccessPersonEntity } from '../../shared/subgraph/facts';
import { z } from 'zod';
import type { ComplianceContext } from './context';
import { ConsentRecordEntity, ParticipationEntity, PersonStateEntity, RetentionPolicyEntity } from './entities';
import { authorize } from './policy';
import { erase, identifyingStrings, softDelete } from './privacy';

const DAY_MS = 86_400_000;

/**
 * Records that someone joined a client's project (tenancy's ProjectJoined); the retention clock
 * starts there. A client's retention policy governs only the client's own people: a person whom the
 * people copy places in another organisation is not recorded at all. Someone identity has not
 * announced yet is recorded, and the sweep counts them only once the copy places them in the client.
 */
export async function recordParticipation(
  manager: EntityManager,
  payload: EventPayloads['ProjectJoined'],
): Promise<void> {
  const person = await manager.findOneBy(AccessPersonEntity, { userId: payload.userId });
  if (person && person.organizationId !== payload.clientId) return;
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

/**
 * Participants whose acceptance window passed without valid consent, and whose soft deletion is due.
 * Only the client's own people count: the join with the people copy leaves out anyone at home in
 * another organisation (enrolled in the client's project by mistake or on purpose) and anyone
 * identity never announced.
 */
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
      .innerJoin(AccessPersonEntity, 'person', 'person.userId = p.userId AND person.organizationId = p.clientId')
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

/** What a sweep needs: the database, who runs it (an operator, or compliance's own schedule) and the clock. */
export interface SweepContext {
  db: DataSource;
  access: Access;
  clock: Clock;
}

/**
 * One sweep: soft-deletes due participants and erases those whose grace period ended, in batches.
 * Safe on several replicas at once and after a crash: every step is a conditional transition
 * committed together with its event, so nothing is done twice and nothing acknowledged is lost.
 */
export async function runSweep(
  { db, access, clock }: SweepContext,
  options: SweepOptions,
  personalStrings: (userId: string) => Promise<string[]> = async () => [],
): Promise<SweepReport> {
  await authorize(access, 'retention.sweep', null);
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

const sweepInput = z.object({
  dryRun: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
  batchSize: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .nullish()
    .transform((value) => value ?? 100),
});

/** runRetentionSweep: a sweep asked for by an operator, in batches of 1 to 1000. */
export function runRetentionSweep(
  { db, access, services }: Pick<ComplianceContext, 'db' | 'access' | 'services'>,
  args: { dryRun?: boolean | null; batchSize?: number | null },
): Promise<SweepReport> {
  return runSweep({ db, access, clock: services.clock }, validate(sweepInput, args), (userId) =>
    identifyingStrings(services, userId),
  );
}
