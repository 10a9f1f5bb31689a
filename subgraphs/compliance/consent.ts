/** Consent to the privacy terms: given by the person or recorded for them, withdrawn, kept as a history. */
import { IsNull } from 'typeorm';
import { z } from 'zod';
import { inTransaction } from '../../shared/data/database';
import { newId } from '../../shared/runtime/ids';
import { uuid, validate } from '../../shared/runtime/validation';
import type { ComplianceContext } from './context';
import { ConsentRecordEntity } from './entities';
import { authorize } from './policy';
import { findSubject } from './privacy';

const consentInput = z.object({
  userId: uuid,
  policyVersion: z.string().trim().min(1).max(50),
  source: z.string().trim().min(1).max(50).default('web'),
});

type UseCaseContext = Pick<ComplianceContext, 'db' | 'access' | 'now'>;

/**
 * Records consent: by the person themself, or by a compliance officer (compliance.manage) of the
 * person's home organisation (consent collected on paper, say). The consent belongs to that home
 * organisation; where the person takes part in projects does not matter.
 */
export async function recordConsent(
  { db, access, now }: UseCaseContext,
  input: { userId: string; policyVersion: string; source?: string | null },
): Promise<ConsentRecordEntity> {
  const { userId, policyVersion, source } = validate(consentInput, { ...input, source: input.source ?? undefined });
  const organizationId = await authorize(access, 'consent.record', await findSubject(db.manager, userId));
  return inTransaction(db, async (manager) => {
    const record = manager.create(ConsentRecordEntity, {
      id: newId(),
      userId,
      organizationId,
      policyVersion,
      givenAt: now,
      withdrawnAt: null,
      source,
    });
    await manager.insert(ConsentRecordEntity, record);
    return record;
  });
}

/** Withdraws a consent (the person, or compliance.manage in their home organisation); the record stays in the history. */
export async function withdrawConsent(
  { db, access, now }: UseCaseContext,
  consentId: string,
): Promise<ConsentRecordEntity> {
  validate(uuid, consentId);
  const consent = await db.getRepository(ConsentRecordEntity).findOneBy({ id: consentId });
  const subject = consent ? await findSubject(db.manager, consent.userId) : null;
  await authorize(access, 'consent.withdraw', { consentId, consent, subject });
  await inTransaction(db, (manager) =>
    manager.update(ConsentRecordEntity, { id: consentId, withdrawnAt: IsNull() }, { withdrawnAt: now }),
  );
  return (await db.getRepository(ConsentRecordEntity).findOneBy({ id: consentId }))!;
}
