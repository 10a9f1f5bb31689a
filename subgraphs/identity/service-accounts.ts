/**
 * Service accounts: non-human callers (internal tools) with a user type of their own. Partner staff
 * who create one in a client through a FULL grant bind it to that grant: it works while the grant is
 * active, and identity refuses its tokens once the client ends the partnership.
 */
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { inTransaction } from '../../shared/data/database';
import { publish } from '../../shared/events/outbox';
import { newId } from '../../shared/runtime/ids';
import { displayName, uuid, validate } from '../../shared/runtime/validation';
import { AccessGrantEntity } from '../../shared/subgraph/facts';
import type { MutationCreateServiceAccountArgs, ResolversParentTypes } from './generated/resolvers-types';
import type { IdentityContext } from './context';
import { ServiceAccountEntity } from './entities';
import { hashPassword } from './passwords';
import { actingThroughPartner, authorize } from './policy';
import { organizationFacts } from './people';

const createServiceAccountInput = z.object({ organizationId: uuid, name: displayName(100) });

/** Generates the credentials of a new service account; the secret is shown once and stored hashed. */
async function newServiceCredentials(): Promise<{ clientId: string; clientSecret: string; secretHash: string }> {
  const clientId = `svc_${randomBytes(12).toString('hex')}`;
  const clientSecret = randomBytes(32).toString('base64url');
  return { clientId, clientSecret, secretHash: await hashPassword(clientSecret) };
}

/** Creates a service account in an organisation; permissions gives it a user type of its own (ServiceAccountCreated). */
export async function createServiceAccount(
  context: IdentityContext,
  args: MutationCreateServiceAccountArgs,
): Promise<ResolversParentTypes['ServiceAccountCredentials']> {
  const { organizationId, name } = validate(createServiceAccountInput, args);
  const organization = await organizationFacts(context.db, organizationId);
  await authorize(context.access, 'serviceAccount.create', { organizationId, organizationKnown: organization.known });
  const boundToPartnerId = await actingThroughPartner(context.access, organizationId);
  const credentials = await newServiceCredentials();
  const { now } = context;
  const actorId = context.access.actorId;
  const account = await inTransaction(context.db, async (manager) => {
    const row = manager.create(ServiceAccountEntity, {
      id: newId(),
      organizationId,
      name,
      clientId: credentials.clientId,
      secretHash: credentials.secretHash,
      createdAt: now,
      createdBy: actorId,
      revokedAt: null,
      boundToPartnerId,
    });
    await manager.insert(ServiceAccountEntity, row);
    await publish(manager, 'ServiceAccountCreated', { serviceAccountId: row.id, organizationId, name, actorId }, now);
    return row;
  });
  return { serviceAccount: account, clientSecret: credentials.clientSecret };
}

/** Whether a service account may still act: not revoked, and its partner's grant (if it is bound to one) still active. */
export async function serviceAccountActive(
  db: DataSource | EntityManager,
  account: Pick<ServiceAccountEntity, 'organizationId' | 'revokedAt' | 'boundToPartnerId'>,
): Promise<boolean> {
  if (account.revokedAt) return false;
  if (!account.boundToPartnerId) return true;
  const manager = db instanceof DataSource ? db.manager : db;
  const grant = await manager.findOneBy(AccessGrantEntity, {
    partnerId: account.boundToPartnerId,
    clientId: account.organizationId,
  });
  return grant?.status === 'ACTIVE';
}
