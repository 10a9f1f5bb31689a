import { LIKE_ESCAPE, likeContaining } from '../../shared/data/sql';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { inTransaction, isUniqueViolation } from '../../shared/data/database';
import { conflict, forbidden, notFound } from '../../shared/runtime/errors';
import { actorId, can, requirePermission } from '../../shared/auth/guard';
import { audit } from '../../shared/events/audit';
import { PLATFORM_ORGANIZATION_ID, type Principal, type Actor } from '../../shared/auth/principal';
import { newId } from '../../shared/runtime/ids';
import { publish } from '../../shared/events/outbox';
import { keysetPage, pageRequest, type Connection, type PageArgs } from '../../shared/data/pagination';
import { displayName, dnsLabel, uuid, validate } from '../../shared/runtime/validation';
import { AccountEntity, ClientEntity, PartnerEntity, PartnerGrantEntity } from './entities';

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

export interface ClientFilter {
  name?: string | null;
  partnerId?: string | null;
  status?: 'ACTIVE' | 'SUSPENDED' | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
}

/** Clients sorted by name then id, with keyset pagination (stable under inserts, no OFFSET scans). */
export async function listClients(
  db: DataSource,
  scope: 'all' | string[],
  args: PageArgs & { filter?: ClientFilter | null },
): Promise<Connection<ClientEntity>> {
  const page = pageRequest(args.first, args.after);
  const { filter } = args;
  const base = db.getRepository(ClientEntity).createQueryBuilder('client');
  // The caller's reach, applied before any filter: an empty list shows nothing.
  if (scope !== 'all') base.andWhere(scope.length ? 'client.id IN (:...scope)' : '1 = 0', { scope });
  if (filter?.name)
    base.andWhere(`LOWER(client.name) LIKE :name ${LIKE_ESCAPE}`, { name: likeContaining(filter.name.toLowerCase()) });
  if (filter?.partnerId) base.andWhere('client.partnerId = :partnerId', { partnerId: filter.partnerId });
  if (filter?.status) base.andWhere('client.status = :status', { status: filter.status });
  if (filter?.createdAfter) base.andWhere('client.createdAt >= :createdAfter', { createdAfter: filter.createdAfter });
  if (filter?.createdBefore)
    base.andWhere('client.createdAt < :createdBefore', { createdBefore: filter.createdBefore });
  return keysetPage(base, page, { column: 'client.name', direction: 'ASC', cursorValue: (client) => client.name });
}

const createClientInput = z.object({
  name: displayName(200),
  subdomain: dnsLabel.refine((value) => !RESERVED_SUBDOMAINS.has(value), 'is reserved'),
  partnerId: uuid.nullish(),
});

/**
 * Creates a client with its master account, and publishes ClientCreated in the same transaction so
 * that compliance (retention policy) and permissions (predefined user types) follow.
 */
export async function createClient(
  db: DataSource,
  principal: Principal,
  input: unknown,
  now: Date,
): Promise<ClientEntity> {
  const { name, subdomain, partnerId } = validate(createClientInput, input);
  // A partner creates clients for itself; only operators create clients without a partner or for another.
  requirePermission(principal, 'clients.create', partnerId ?? PLATFORM_ORGANIZATION_ID);
  if (partnerId && !(await db.getRepository(PartnerEntity).existsBy({ id: partnerId })))
    throw notFound('Partner', partnerId);
  if (await db.getRepository(ClientEntity).existsBy({ subdomain }))
    throw conflict(`The subdomain "${subdomain}" is already taken`);
  try {
    return await inTransaction(db, async (manager) => {
      const client = manager.create(ClientEntity, {
        id: newId(),
        partnerId: partnerId ?? null,
        name,
        subdomain,
        status: 'ACTIVE',
        createdAt: now,
        createdBy: actorId(principal),
        statusChangedAt: null,
        statusChangedBy: null,
        statusReason: null,
      });
      await manager.insert(ClientEntity, client);
      const master = { id: newId(), clientId: client.id, parentId: null, name, createdAt: now };
      await manager.insert(AccountEntity, master);
      await publish(
        manager,
        'AccountChanged',
        { accountId: master.id, clientId: client.id, parentId: null, removed: false },
        now,
      );
      // The creating partner manages the client with full access (no wallet): every subgraph's copy of the grant says so.
      if (partnerId) {
        await manager.insert(PartnerGrantEntity, {
          clientId: client.id,
          partnerId,
          level: 'FULL',
          products: [],
          includeWallet: false,
          status: 'ACTIVE',
          invitationId: null,
          grantedAt: now,
          cancelledAt: null,
          cancelledBy: null,
        });
        const grant = { clientId: client.id, partnerId, level: 'FULL' as const, products: [], includeWallet: false };
        await publish(manager, 'PartnerAccessChanged', { ...grant, status: 'ACTIVE' }, now);
      }
      await publish(
        manager,
        'ClientCreated',
        { clientId: client.id, partnerId: client.partnerId, name, createdAt: now.toISOString() },
        now,
      );
      return client;
    });
  } catch (error) {
    // Two requests raced for the same subdomain: the unique index decides.
    if (isUniqueViolation(error)) throw conflict(`The subdomain "${subdomain}" is already taken`);
    throw error;
  }
}

const statusInput = z.object({ clientId: uuid, reason: displayName(500).nullish() });

/**
 * Suspends or reactivates a client: operators, or a user holding clients.update in the partner that
 * manages it while that partner's grant is active. Identity refuses sign-in of a suspended client's
 * users once ClientStatusChanged reaches it.
 */
export async function setClientStatus(
  db: DataSource,
  actor: Actor,
  input: unknown,
  status: 'ACTIVE' | 'SUSPENDED',
): Promise<ClientEntity> {
  const { now } = actor;
  const { clientId, reason } = validate(statusInput, input);
  const { principal } = actor;
  return inTransaction(db, async (manager) => {
    const client = await manager.findOneBy(ClientEntity, { id: clientId });
    if (!client) throw notFound('Client', clientId);
    const operator = can(principal, 'clients.update', PLATFORM_ORGANIZATION_ID);
    const managingPartner =
      client.partnerId !== null &&
      can(principal, 'clients.update', client.partnerId) &&
      (await manager.existsBy(PartnerGrantEntity, { clientId, partnerId: client.partnerId, status: 'ACTIVE' }));
    if (!operator && !managingPartner)
      throw forbidden('Only operators or the partner that manages this client may change its status');
    if (client.status === status) throw conflict(`The client is already ${status.toLowerCase()}`);
    const by = actorId(principal);
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
    await audit(manager, actor, {
      action: status === 'SUSPENDED' ? 'CLIENT_SUSPENDED' : 'CLIENT_REACTIVATED',
      targetType: 'Client',
      targetId: clientId,
      organizationId: clientId,
      before: { status: client.status },
      after: { status, reason: changes.statusReason },
    });
    return { ...client, ...changes };
  });
}
