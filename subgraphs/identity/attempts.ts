import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '../../shared/data/database';
import { CodedError, ErrorCode } from '../../shared/runtime/errors';
import { newId } from '../../shared/runtime/ids';
import type { AuthConfig } from './auth-config';
import { LoginAttemptEntity } from './entities';

/**
 * Throttling of credential checks (sign-in, service-token exchange), in identity's database so it
 * holds across replicas. Every attempt is recorded as failed before the secret is checked, so
 * attempts packed into one request (aliases) or spread over replicas all count, and the costly
 * hash comparison is never reached once the limit is hit; a success is marked afterwards.
 *
 * `accountKey` names what is being guessed: the email for a sign-in, `service:<client id>` for a
 * service account. Failures of both kinds from one client address count towards its one limit.
 */
export async function recordAttempt(
  db: DataSource,
  config: AuthConfig,
  {
    accountKey,
    clientAddress,
    refusal,
    now,
  }: { accountKey: string; clientAddress: string | null; refusal: string; now: Date },
): Promise<string> {
  const address = (clientAddress ?? 'unknown').slice(0, 64);
  const windowStart = new Date(now.getTime() - config.throttleWindowMinutes * 60_000);
  const attemptId = newId();
  const [accountFailures, addressFailures] = await inTransaction(db, async (manager) => {
    await manager.insert(LoginAttemptEntity, {
      id: attemptId,
      accountKey,
      address,
      attemptedAt: now,
      succeeded: false,
    });
    return Promise.all([
      manager.countBy(LoginAttemptEntity, { accountKey, succeeded: false, attemptedAt: MoreThan(windowStart) }),
      manager.countBy(LoginAttemptEntity, { address, succeeded: false, attemptedAt: MoreThan(windowStart) }),
    ]);
  });
  // The attempt just recorded is included, so the (max+1)-th attempt is the first refused.
  if (accountFailures > config.maxFailuresPerAccount || addressFailures > config.maxFailuresPerAddress) {
    throw new CodedError(
      ErrorCode.TOO_MANY_REQUESTS,
      `${refusal}; try again in ${config.throttleWindowMinutes} minutes`,
      {
        retryAfterSeconds: config.throttleWindowMinutes * 60,
      },
    );
  }
  return attemptId;
}

/** Marks a recorded attempt as succeeded, so it no longer counts as a failure. */
export async function markAttemptSucceeded(manager: EntityManager | DataSource, attemptId: string): Promise<void> {
  await manager.getRepository(LoginAttemptEntity).update({ id: attemptId }, { succeeded: true });
}

/**
 * The account key of a service account. A sign-in with the email `service:<client id>` counts
 * against that account too, which is no more than a wrong secret for it would do.
 */
export const serviceAccountKey = (clientId: string): string => `service:${clientId}`;
