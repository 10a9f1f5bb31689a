import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { Clock } from '../../shared/runtime/clock';
import { inTransaction } from '../../shared/data/database';
import { forbidden, notFound } from '../../shared/runtime/errors';
import { actorId, can } from '../../shared/auth/guard';
import { newId } from '../../shared/runtime/ids';
import type { InternalTokens } from '../../shared/auth/internal-token';
import type { Principal } from '../../shared/auth/principal';
import type { SubgraphName } from '../../shared/runtime/config';
import { querySubgraph } from '../../shared/subgraph/client';
import { keysetPage, pageRequest, type Connection, type PageArgs } from '../../shared/data/pagination';
import { validate } from '../../shared/runtime/validation';
import { ConsentRecordEntity } from './entities';
import { erase } from './retention';
import { DataSubjectRequestEntity, ParticipationEntity, PersonStateEntity } from './retention-entities';

export interface PeerAccess {
  tokens: InternalTokens;
  peers: Record<SubgraphName, string>;
}

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

/** The person's home organisation, from identity (null if identity knows no such person). */
async function homeOrganization(peers: PeerAccess, userId: string): Promise<string | null> {
  const identity = (await personalDataFrom(peers, 'identity', userId)) as { user?: { organizationId?: string } } | null;
  return identity?.user?.organizationId ?? null;
}

/** Strings that identify the person (email, names, username), to scrub from free-form records. */
export async function identifyingStrings(peers: PeerAccess, userId: string): Promise<string[]> {
  const identity = (await personalDataFrom(peers, 'identity', userId)) as { user?: Record<string, unknown> } | null;
  const user = identity?.user ?? {};
  return ['email', 'username', 'firstName', 'lastName']
    .map((key) => user[key])
    .filter((value): value is string => typeof value === 'string' && value.length > 0);
}

/** The person themself, or a holder of `permission` in their home organisation. */
async function authorize(peers: PeerAccess, principal: Principal, userId: string, permission: string): Promise<string> {
  const organizationId = await homeOrganization(peers, userId);
  if (!organizationId) throw notFound('User', userId);
  const self = principal.kind === 'user' && principal.userId === userId;
  if (!self && !can(principal, permission, organizationId))
    throw forbidden(`You need ${permission} in the person's organisation, or to be the person`);
  return organizationId;
}

const userIdInput = z.string().uuid('must be a valid id');

/**
 * Gathers everything every subgraph holds on the person into one JSON document, stored with the
 * request so the requester can fetch it. Each subgraph answers only about that one person.
 */
/** What a data-subject request needs beyond the database: the other subgraphs, and the clock it reads as it goes. */
export type RequestServices = PeerAccess & { clock: Clock };

export async function requestDataExport(
  db: DataSource,
  services: RequestServices,
  principal: Principal,
  userId: string,
): Promise<DataSubjectRequestEntity> {
  const { clock } = services;
  validate(userIdInput, userId);
  const organizationId = await authorize(services, principal, userId, 'compliance.export');
  const requestedAt = clock.now();
  const request = db.getRepository(DataSubjectRequestEntity).create({
    id: newId(),
    clientId: organizationId,
    userId,
    kind: 'EXPORT',
    status: 'PENDING',
    requestedBy: actorId(principal),
    requestedAt,
    completedAt: null,
    result: null,
    failure: null,
  });
  await inTransaction(db, (manager) => manager.insert(DataSubjectRequestEntity, request));
  try {
    const sections = Object.fromEntries(
      await Promise.all(
        HOLDERS.map(async (subgraph) => [subgraph, await personalDataFrom(services, subgraph, userId)] as const),
      ),
    );
    const [consents, participations, state] = await Promise.all([
      db.getRepository(ConsentRecordEntity).find({ where: { userId }, order: { givenAt: 'ASC' } }),
      db.getRepository(ParticipationEntity).findBy({ userId }),
      db.getRepository(PersonStateEntity).findOneBy({ userId }),
    ]);
    const document = {
      userId,
      exportedAt: clock.now().toISOString(),
      ...sections,
      compliance: { consents, participations, retentionState: state },
    };
    await inTransaction(db, (manager) =>
      manager.update(
        DataSubjectRequestEntity,
        { id: request.id },
        { status: 'COMPLETED', completedAt: clock.now(), result: JSON.stringify(document) },
      ),
    );
  } catch (error) {
    await inTransaction(db, (manager) =>
      manager.update(
        DataSubjectRequestEntity,
        { id: request.id },
        { status: 'FAILED', completedAt: clock.now(), failure: 'A subgraph could not be reached; ask again' },
      ),
    );
    throw error;
  }
  return (await db.getRepository(DataSubjectRequestEntity).findOneBy({ id: request.id }))!;
}

/** Erases the person on request, through the same step the retention sweep takes. */
export async function requestErasure(
  db: DataSource,
  services: RequestServices,
  principal: Principal,
  userId: string,
): Promise<DataSubjectRequestEntity> {
  const { clock } = services;
  validate(userIdInput, userId);
  const organizationId = await authorize(services, principal, userId, 'compliance.export');
  const now = clock.now();
  const request = db.getRepository(DataSubjectRequestEntity).create({
    id: newId(),
    clientId: organizationId,
    userId,
    kind: 'ERASURE',
    status: 'PENDING',
    requestedBy: actorId(principal),
    requestedAt: now,
    completedAt: null,
    result: null,
    failure: null,
  });
  await inTransaction(db, (manager) => manager.insert(DataSubjectRequestEntity, request));
  const strings = await identifyingStrings(services, userId);
  await erase(db, userId, now, { identifyingStrings: strings, fromStates: ['ACTIVE', 'SOFT_DELETED'] });
  // Exports made earlier hold the person's data: they go too.
  await inTransaction(db, async (manager) => {
    await manager.update(DataSubjectRequestEntity, { userId, kind: 'EXPORT' }, { result: null });
    await manager.update(
      DataSubjectRequestEntity,
      { id: request.id },
      { status: 'COMPLETED', completedAt: clock.now() },
    );
  });
  return (await db.getRepository(DataSubjectRequestEntity).findOneBy({ id: request.id }))!;
}

/** A client's data-subject requests, newest first, keyset-paginated on (requestedAt, id). */
export async function listRequests(
  db: DataSource,
  clientId: string,
  args: PageArgs,
): Promise<Connection<DataSubjectRequestEntity>> {
  const page = pageRequest(args.first, args.after);
  const base = db
    .getRepository(DataSubjectRequestEntity)
    .createQueryBuilder('request')
    .where('request.clientId = :clientId', { clientId });
  return keysetPage(base, page, {
    column: 'request.requestedAt',
    direction: 'DESC',
    cursorValue: (row) => row.requestedAt.toISOString(),
    parameter: (value) => new Date(value),
  });
}
