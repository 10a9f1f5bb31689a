import DataLoader from 'dataloader';
import {
  Column,
  Entity,
  In,
  Index,
  PrimaryColumn,
  Table,
  TableIndex,
  type DataSource,
  type EntityManager,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { insertInChunks } from '../data/database';
import type { DeliveredEvent, EventPayloads } from '../events/events';
import type { EventHandlers } from '../events/outbox';
import type { AccessFacts, AccountFact } from '../auth/access';
import type { GrantFact } from '../auth/grants';
import type { ExternalAccessLevel, UserKind } from '../auth/principal';

/**
 * Each subgraph decides access locally, from facts it keeps itself: the partner grants (tenancy owns
 * them), the accounts tree (tenancy) and people (identity). A subgraph that does not own a fact keeps
 * a copy in an `access_*` table, fed by the owner's events; a copy is only ever replaced by a newer
 * state, so late or repeated deliveries cannot roll it back.
 */

@Entity('access_grants')
@Index('idx_access_grants_partner', ['partnerId', 'status'])
export class AccessGrantEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) partnerId: string;
  @PrimaryColumn({ type: 'varchar', length: 36 }) clientId: string;
  @Column({ type: 'varchar', length: 10 }) level: GrantFact['level'];
  @Column({ type: 'simple-json' }) products: string[];
  @Column({ type: 'boolean', default: false }) includeWallet: boolean;
  @Column({ type: 'varchar', length: 20 }) status: GrantFact['status'];
  @Column({ type: 'datetime', precision: 3 }) changedAt: Date;
}

@Entity('access_accounts')
@Index('idx_access_accounts_client', ['clientId'])
export class AccessAccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) clientId: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) parentId: string | null;
  @Column({ type: 'datetime', precision: 3 }) changedAt: Date;
}

export type PersonStatus = 'INVITED' | 'ACTIVE' | 'DEACTIVATED';
export type OrganizationKind = 'PLATFORM' | 'PARTNER' | 'CLIENT';

/** A person as the policies of other subgraphs need them: where they belong and whether they still count. */
export interface PersonFact {
  userId: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  kind: UserKind;
  accessLevel: ExternalAccessLevel | null;
  status: PersonStatus;
  /** Soft-deleted or erased: invisible everywhere. */
  deleted: boolean;
}

@Entity('access_people')
@Index('idx_access_people_org', ['organizationId', 'status'])
export class AccessPersonEntity implements PersonFact {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId: string;
  @Column({ type: 'varchar', length: 36 }) organizationId: string;
  @Column({ type: 'varchar', length: 10 }) organizationKind: OrganizationKind;
  @Column({ type: 'varchar', length: 20 }) kind: UserKind;
  @Column({ type: 'varchar', length: 10, nullable: true }) accessLevel: ExternalAccessLevel | null;
  @Column({ type: 'varchar', length: 20 }) status: PersonStatus;
  @Column({ type: 'boolean', default: false }) deleted: boolean;
  @Column({ type: 'datetime', precision: 3 }) changedAt: Date;
}

export type FactKind = 'grants' | 'accounts' | 'people';

const ENTITIES = { grants: AccessGrantEntity, accounts: AccessAccountEntity, people: AccessPersonEntity } as const;

/** The entities of the copies a subgraph keeps (the facts it does not own). */
export const factEntities = (kinds: readonly FactKind[]) => kinds.map((kind) => ENTITIES[kind]);

// ---------------------------------------------------------------------------------------------
// Migrations: one per copy, so a subgraph includes exactly the tables it keeps.

const changedAt = { name: 'changedAt', type: 'datetime', precision: 3 } as const;

export class CreateAccessGrants1764000000100 implements MigrationInterface {
  name = 'CreateAccessGrants1764000000100';
  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'access_grants',
        columns: [
          { name: 'partnerId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'clientId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'level', type: 'varchar', length: '10' },
          { name: 'products', type: 'text' },
          { name: 'includeWallet', type: 'boolean', default: false },
          { name: 'status', type: 'varchar', length: '20' },
          changedAt,
        ],
      }),
    );
    await runner.createIndex(
      'access_grants',
      new TableIndex({ name: 'idx_access_grants_partner', columnNames: ['partnerId', 'status'] }),
    );
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('access_grants');
  }
}

export class CreateAccessAccounts1764000000110 implements MigrationInterface {
  name = 'CreateAccessAccounts1764000000110';
  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'access_accounts',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'clientId', type: 'varchar', length: '36' },
          { name: 'parentId', type: 'varchar', length: '36', isNullable: true },
          changedAt,
        ],
      }),
    );
    await runner.createIndex(
      'access_accounts',
      new TableIndex({ name: 'idx_access_accounts_client', columnNames: ['clientId'] }),
    );
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('access_accounts');
  }
}

export class CreateAccessPeople1764000000120 implements MigrationInterface {
  name = 'CreateAccessPeople1764000000120';
  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'access_people',
        columns: [
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'organizationKind', type: 'varchar', length: '10' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'accessLevel', type: 'varchar', length: '10', isNullable: true },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'deleted', type: 'boolean', default: false },
          changedAt,
        ],
      }),
    );
    await runner.createIndex(
      'access_people',
      new TableIndex({ name: 'idx_access_people_org', columnNames: ['organizationId', 'status'] }),
    );
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('access_people');
  }
}

const MIGRATIONS = {
  grants: CreateAccessGrants1764000000100,
  accounts: CreateAccessAccounts1764000000110,
  people: CreateAccessPeople1764000000120,
} as const;
export const factMigrations = (kinds: readonly FactKind[]) => kinds.map((kind) => MIGRATIONS[kind]);

// ---------------------------------------------------------------------------------------------
// Keeping the copies: event handlers and seeding.

/** Replaces a copied row only with a state at least as new as the one held. */
async function upsertIfNewer<T extends { changedAt: Date }>(
  manager: EntityManager,
  entity: new () => T,
  key: Partial<T>,
  row: T,
): Promise<void> {
  const existing = await manager.findOneBy(entity, key as never);
  if (existing && existing.changedAt.getTime() > row.changedAt.getTime()) return;
  if (existing) await manager.update(entity, key, row as never);
  else await manager.insert(entity, row as never);
}

const occurredAt = (event: DeliveredEvent): Date => {
  const at = new Date(event.occurredAt);
  return Number.isNaN(at.getTime()) ? new Date() : at;
};

export const grantRow = (payload: EventPayloads['PartnerAccessChanged'], at: Date): AccessGrantEntity => ({
  partnerId: payload.partnerId,
  clientId: payload.clientId,
  level: payload.level,
  products: [...payload.products].sort(),
  includeWallet: payload.includeWallet,
  status: payload.status,
  changedAt: at,
});

export const personRow = (payload: EventPayloads['PersonChanged'], at: Date): AccessPersonEntity => ({
  ...payload,
  changedAt: at,
});

const HANDLERS: { [K in FactKind]: EventHandlers } = {
  grants: {
    PartnerAccessChanged: (manager, payload, event) =>
      upsertIfNewer(
        manager,
        AccessGrantEntity,
        { partnerId: payload.partnerId, clientId: payload.clientId },
        grantRow(payload, occurredAt(event)),
      ),
  },
  accounts: {
    AccountChanged: async (manager, payload, event) => {
      const at = occurredAt(event);
      if (payload.removed) {
        await manager.delete(AccessAccountEntity, { id: payload.accountId });
        return;
      }
      await upsertIfNewer(
        manager,
        AccessAccountEntity,
        { id: payload.accountId },
        { id: payload.accountId, clientId: payload.clientId, parentId: payload.parentId, changedAt: at },
      );
    },
  },
  people: {
    PersonChanged: (manager, payload, event) =>
      upsertIfNewer(manager, AccessPersonEntity, { userId: payload.userId }, personRow(payload, occurredAt(event))),
  },
};

/** Handlers that keep a subgraph's copies up to date. */
export const factHandlers = (kinds: readonly FactKind[]): EventHandlers =>
  Object.assign({}, ...kinds.map((kind) => HANDLERS[kind])) as EventHandlers;

/** Facts as a seed writes them: the same rows the events would have produced. */
export interface FactSet {
  grants?: readonly GrantFact[];
  accounts?: readonly AccountFact[];
  people?: readonly PersonFact[];
}

/** Writes copies directly (demo and test seeding), dated `now`; a later event replaces them as usual. */
export async function writeFacts(manager: EntityManager, facts: FactSet, now: Date): Promise<void> {
  await insertInChunks(
    manager,
    AccessGrantEntity,
    (facts.grants ?? []).map((grant) => ({ ...grant, products: [...grant.products].sort(), changedAt: now })),
  );
  await insertInChunks(
    manager,
    AccessAccountEntity,
    (facts.accounts ?? []).map((account) => ({ ...account, changedAt: now })),
  );
  await insertInChunks(
    manager,
    AccessPersonEntity,
    (facts.people ?? []).map((person) => ({ ...person, changedAt: now })),
  );
}

// ---------------------------------------------------------------------------------------------
// Reading the copies.

/** Per-request, batched reads of the copied grants and accounts (one statement per kind and tick). */
export function copiedFacts(db: DataSource): AccessFacts {
  const grants = new DataLoader<string, GrantFact | null>(async (keys) => {
    const pairs = keys.map((key) => key.split('|') as [string, string]);
    const rows = await db
      .getRepository(AccessGrantEntity)
      .find({ where: pairs.map(([partnerId, clientId]) => ({ partnerId, clientId })) });
    const byKey = new Map(rows.map((row) => [`${row.partnerId}|${row.clientId}`, row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
  const accounts = accountsLoader(db);
  return {
    grant: (partnerId, clientId) => grants.load(`${partnerId}|${clientId}`),
    accountsOf: (clientId) => accounts.load(clientId),
  };
}

/** Every copied account of each client asked for, in one statement per tick. */
export function accountsLoader(db: DataSource): DataLoader<string, AccountFact[]> {
  return new DataLoader<string, AccountFact[]>(async (clientIds) => {
    const rows = await db.getRepository(AccessAccountEntity).findBy({ clientId: In([...clientIds]) });
    return clientIds.map((clientId) => rows.filter((row) => row.clientId === clientId));
  });
}

/** Copied people by id, in one statement per tick; deleted people load as they are (callers treat them as absent). */
export function peopleLoader(db: DataSource): DataLoader<string, PersonFact | null> {
  return new DataLoader<string, PersonFact | null>(async (userIds) => {
    const rows = await db.getRepository(AccessPersonEntity).findBy({ userId: In([...userIds]) });
    const byId = new Map(rows.map((row) => [row.userId, row]));
    return userIds.map((userId) => byId.get(userId) ?? null);
  });
}
