/** Each client's retention policy: the default a new client gets, and changes by its compliance officers. */
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { inTransaction } from '../../shared/data/database';
import { notFound } from '../../shared/runtime/errors';
import { validate } from '../../shared/runtime/validation';
import { recordOwnChange } from './audit-log';
import type { ComplianceContext } from './context';
import { DEFAULT_RETENTION, RetentionPolicyEntity } from './entities';
import { authorize } from './policy';

/**
 * Gives a new client the default policy (tenancy's ClientCreated). A plain insert, not an upsert:
 * applying the same event twice would fail loudly, so the processed-events guard is what keeps
 * redelivery harmless.
 */
export async function createDefaultPolicy(manager: EntityManager, clientId: string, at: Date): Promise<void> {
  await manager.insert(RetentionPolicyEntity, { clientId, ...DEFAULT_RETENTION, createdAt: at, updatedAt: at });
}

/** Bounds of a retention policy: long enough to be lawful to configure, short enough to be meaningful. */
const policyInput = z.object({
  softDeleteAfterMonths: z.number().int().min(1).max(120).optional().nullable(),
  eraseAfterMonths: z.number().int().min(1).max(120).optional().nullable(),
  privacyTermsVersion: z.string().trim().min(1).max(50).optional().nullable(),
  acceptanceWindowDays: z.number().int().min(1).max(365).optional().nullable(),
});

type UseCaseContext = Pick<ComplianceContext, 'db' | 'access' | 'requestId' | 'now'>;

/** Changes a client's retention policy (compliance.manage there); the change is audited in its transaction. */
export async function updateRetentionPolicy(
  context: UseCaseContext,
  clientId: string,
  input: unknown,
): Promise<RetentionPolicyEntity> {
  const { db, access, now } = context;
  await authorize(access, 'retention-policy.update', { clientId });
  const changes = validate(policyInput, input);
  return inTransaction(db, async (manager) => {
    const policy = await manager.findOneBy(RetentionPolicyEntity, { clientId });
    // Not a client (yet): ClientCreated gives every client its policy.
    if (!policy) throw notFound('Client', clientId);
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
    await recordOwnChange(manager, context, {
      action: 'RETENTION_POLICY_UPDATED',
      targetType: 'RetentionPolicy',
      targetId: clientId,
      organizationId: clientId,
      before,
      after,
    });
    return { ...policy, ...after, updatedAt: now };
  });
}
