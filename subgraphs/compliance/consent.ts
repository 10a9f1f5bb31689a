import { IsNull, type DataSource } from 'typeorm';
import { z } from 'zod';
import { inTransaction } from '../../shared/data/database';
import { forbidden, notFound } from '../../shared/runtime/errors';
import { can } from '../../shared/auth/guard';
import { newId } from '../../shared/runtime/ids';
import type { Principal } from '../../shared/auth/principal';
import { validate } from '../../shared/runtime/validation';
import { ConsentRecordEntity } from './entities';
import { ParticipationEntity, PersonStateEntity } from './retention-entities';

const consentInput = z.object({
  userId: z.string().uuid('must be a valid id'),
  policyVersion: z.string().trim().min(1).max(50),
  source: z.string().trim().min(1).max(50).default('web'),
});

/**
 * The organisation a person's consent belongs to: their own home organisation when they give it
 * themselves; otherwise a client where they take part in a project, where the officer must hold
 * compliance.manage (consent collected on paper, say).
 */
async function consentOrganization(db: DataSource, principal: Principal, userId: string): Promise<string> {
  if (principal.kind === 'user' && principal.userId === userId) return principal.organizationId;
  const participations = await db.getRepository(ParticipationEntity).findBy({ userId });
  const organization = participations
    .map((p) => p.clientId)
    .find((clientId) => can(principal, 'compliance.manage', clientId));
  if (!organization)
    throw forbidden(
      'Only the person, or a compliance officer of a client where they take part, can record their consent',
    );
  return organization;
}

export async function recordConsent(
  db: DataSource,
  principal: Principal,
  input: unknown,
  now: Date,
): Promise<ConsentRecordEntity> {
  const { userId, policyVersion, source } = validate(consentInput, input);
  const organizationId = await consentOrganization(db, principal, userId);
  if (await db.getRepository(PersonStateEntity).existsBy({ userId, state: 'ERASED' })) throw notFound('Person', userId);
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

/** Withdraws a consent; the record stays in the history with the time of withdrawal. */
export async function withdrawConsent(
  db: DataSource,
  principal: Principal,
  consentId: string,
  now: Date,
): Promise<ConsentRecordEntity> {
  validate(z.string().uuid('must be a valid id'), consentId);
  const record = await db.getRepository(ConsentRecordEntity).findOneBy({ id: consentId });
  if (!record) throw notFound('Consent', consentId);
  const self = principal.kind === 'user' && principal.userId === record.userId;
  if (!self && !can(principal, 'compliance.manage', record.organizationId))
    throw forbidden('Only the person or a compliance officer of the organisation can withdraw this consent');
  await inTransaction(db, (manager) =>
    manager.update(ConsentRecordEntity, { id: consentId, withdrawnAt: IsNull() }, { withdrawnAt: now }),
  );
  return (await db.getRepository(ConsentRecordEntity).findOneBy({ id: consentId }))!;
}
