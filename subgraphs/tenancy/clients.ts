import { z } from 'zod';
import { inTransaction, isUniqueViolation } from '../../shared/data/database';
import { audit } from '../../shared/events/audit';
import { publish } from '../../shared/events/outbox';
import { conflict, notFound } from '../../shared/runtime/errors';
import { newId } from '../../shared/runtime/ids';
import { displayName, dnsLabel, uuid, validate } from '../../shared/runtime/validation';
import type { TenancyContext } from './context';
import { AccountEntity, ClientEntity, PartnerGrantEntity } from './entities';
import type { MutationCreateClientArgs, MutationSuspendClientArgs } from './generated/resolvers-types';
import { publishGrant } from './partnerships';
import { authorize } from './policy';

/** Subdomains kept for the platform itself. */
export const RESERVED_SUBDOMAINS = new Set([
  'www',
  'api',
  'admin',
  'app',
  'mail',
  'smtp',
  'ftp',
  'static',
  'cdn',
  'assets',
  'status',
  'help',
  'support',
  'docs',
  'login',
  'auth',
  'graphql',
  'gateway',
  'partner',
  'partners',
  'billing',
  'tenantry',
]);

const createClientInput = z.object({
  name: displayName(200),
  subdomain: dnsLabel.refine((value) => !RESERVED_SUBDOMAINS.has(value), 'is reserved'),
  partnerId: uuid.nullish(),
});

/**
 * Creates a client with its master account, and publishes ClientCreated in the same transaction so
 * that compliance (retention policy) and permissions (predefined user types) follow. The creating
 * partner manages the client with a FULL grant, delivered to every subgraph before the answer so
 * the partner can set the client up (its first admin) on its next request; a client created
 * without a partner changes nobody's access, and its events travel with the relay.
 */
export async function createClient(context: TenancyContext, args: MutationCreateClientArgs): Promise<ClientEntity> {
  const { db, access, now } = context;
  const { name, subdomain, partnerId } = validate(createClientInput, args);
  await authorize(access, 'client.create', {
    partnerId: partnerId ?? null,
    partnerVisible: partnerId ? (await context.loaders.partner(partnerId)) !== null : false,
  });
  if (await db.getRepository(ClientEntity).existsBy({ subdomain }))
    throw conflict(`The subdomain "${subdomain}" is already taken`);
  let client: ClientEntity;
  try {
    client = await inTransaction(db, async (manager) => {
      const created = manager.create(ClientEntity, {
        id: newId(),
        partnerId: partnerId ?? null,
        name,
        subdomain,
        status: 'ACTIVE',
        createdAt: now,
        createdBy: access.actorId,
        statusChangedAt: null,
        statusChangedBy: null,
        statusReason: null,
      });
      await manager.insert(ClientEntity, created);
      const master = { id: newId(), clientId: created.id, parentId: null, name, createdAt: now };
      await manager.insert(AccountEntity, master);
      await publish(
        manager,
        'AccountChanged',
        { accountId: master.id, clientId: created.id, parentId: null, removed: false },
        now,
      );
      if (partnerId) {
        const grant: PartnerGrantEntity = {
          clientId: created.id,
          partnerId,
          level: 'FULL',
          products: [],
          includeWallet: false,
          status: 'ACTIVE',
          invitationId: null,
          grantedAt: now,
          cancelledAt: null,
          cancelledBy: null,
        };
        await manager.insert(PartnerGrantEntity, grant);
        await publishGrant(manager, grant, now);
      }
      await publish(
        manager,
        'ClientCreated',
        { clientId: created.id, partnerId: created.partnerId, name, createdAt: now.toISOString() },
        now,
      );
      return created;
    });
  } catch (error) {
    // Two requests raced for the same subdomain: the unique index decides.
    if (isUniqueViolation(error)) throw conflict(`The subdomain "${subdomain}" is already taken`);
    throw error;
  }
  // A partner's new grant is an access change: every subgraph holds it before the answer.
  if (partnerId) await context.flushEvents();
  return client;
}

const statusInput = z.object({ clientId: uuid, reason: displayName(500).nullish() });

/**
 * Suspends or reactivates a client: platform principals, or the partner that manages it through an
 * ACTIVE FULL grant (never the client itself, never a LIMITED grant). Identity refuses sign-in of a
 * suspended client's users once ClientStatusChanged reaches it, which happens before the answer.
 */
export async function setClientStatus(
  context: TenancyContext,
  args: MutationSuspendClientArgs,
  status: ClientEntity['status'],
): Promise<ClientEntity> {
  const { db, access, now } = context;
  const { clientId, reason } = validate(statusInput, args);
  const found = await db.getRepository(ClientEntity).findOneBy({ id: clientId });
  if (!found) throw notFound('Client', clientId);
  await authorize(access, status === 'SUSPENDED' ? 'client.suspend' : 'client.reactivate', { client: found });
  const updated = await inTransaction(db, async (manager) => {
    const client = await manager.findOneByOrFail(ClientEntity, { id: clientId });
    if (client.status === status) throw conflict(`The client is already ${status.toLowerCase()}`);
    const by = access.actorId;
    const changes = {
      status,
      statusChangedAt: now,
      statusChangedBy: by,
      statusReason: status === 'SUSPENDED' ? (reason ?? null) : null,
    };
    await manager.update(ClientEntity, { id: clientId }, changes);
    await publish(
      manager,
      'ClientStatusChanged',
      { clientId, status, changedBy: by, changedAt: now.toISOString() },
      now,
    );
    await audit(manager, context, {
      action: status === 'SUSPENDED' ? 'CLIENT_SUSPENDED' : 'CLIENT_REACTIVATED',
      targetType: 'Client',
      targetId: clientId,
      organizationId: clientId,
      before: { status: client.status },
      after: { status, reason: changes.statusReason },
    });
    return Object.assign(client, changes);
  });
  await context.flushEvents();
  return updated;
}
