import pino from 'pino';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import type { MysqlConnectionOptions } from 'typeorm/driver/mysql/MysqlConnectionOptions';
import { MigrationFailedError, openDatabase, type Database, type DatabaseSettings } from '../../shared/data/database';
import { OUTBOX_ENTITIES } from '../../shared/events/outbox';
import { createTestDatabases, TEST_DATABASE, type TestDatabases } from '../../shared/testing/databases';
import { IDENTITY_ENTITIES, UserEntity } from '../../subgraphs/identity/entities';
import { IDENTITY_MIGRATIONS } from '../../subgraphs/identity/migrations';

/**
 * openDatabase's migration contract on the database under test (TEST_DATABASE): pending migrations
 * run once, and a migration that fails halfway leaves no trace, including its DDL on MySQL, where
 * DDL commits implicitly and cannot be rolled back with the transaction.
 */

const ENTITIES = [...IDENTITY_ENTITIES, ...OUTBOX_ENTITIES];
const IDENTITY_MIGRATION_NAMES = IDENTITY_MIGRATIONS.map((Migration) => new Migration().name);

/** Every table the entities map to; the migrations must have created each of them. */
const entityTables = (dataSource: DataSource): string[] =>
  dataSource.entityMetadatas.map((metadata) => metadata.tableName);

/** Creates a table, then fails: the shape of a migration with a typo in its second statement. */
class HalfDone1799999999999 implements MigrationInterface {
  name = 'HalfDone1799999999999';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE half_done (id INT NOT NULL PRIMARY KEY)');
    await runner.query('THIS IS NOT SQL');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE half_done');
  }
}

/** The corrected release of the same migration, as an operator would ship it after the failure. */
class HalfDoneFixed implements MigrationInterface {
  name = 'HalfDone1799999999999';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE half_done (id INT NOT NULL PRIMARY KEY)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE half_done');
  }
}

interface Opened {
  database: Database;
  /** Names of the migrations TypeORM reported as executed during this open. */
  executed: string[];
}

async function open(
  settings: DatabaseSettings,
  migrations: Array<new () => MigrationInterface>,
  migrate = true,
): Promise<Opened> {
  const executed: string[] = [];
  const logger = pino(
    { level: 'debug' },
    {
      write(line: string) {
        const { msg } = JSON.parse(line) as { msg?: string };
        const match = /^Migration (\S+) has been executed successfully/.exec(msg ?? '');
        if (match) executed.push(match[1]);
      },
    },
  );
  const database = await openDatabase({ settings, entities: ENTITIES, migrations, logger, migrate });
  return { database, executed };
}

async function recordedMigrations(dataSource: DataSource): Promise<Array<{ id: number; name: string }>> {
  const rows: Array<{ id: number | string; name: string }> = await dataSource.query(
    'SELECT id, name FROM migrations ORDER BY id',
  );
  return rows.map((row) => ({ id: Number(row.id), name: row.name }));
}

async function hasTable(dataSource: DataSource, table: string): Promise<boolean> {
  const runner = dataSource.createQueryRunner();
  try {
    return await runner.hasTable(table);
  } finally {
    await runner.release();
  }
}

function user(id: string): UserEntity {
  return Object.assign(new UserEntity(), {
    id,
    organizationId: '00000000-0000-4000-8000-000000000001',
    organizationKind: 'CLIENT',
    email: `${id}@example.test`,
    username: id,
    firstName: 'Ada',
    lastName: 'Lovelace',
    kind: 'STANDARD',
    status: 'ACTIVE',
    passwordHash: null,
    createdAt: new Date('2024-01-02T03:04:05.678Z'),
    lastLoginAt: null,
  });
}

describe(`openDatabase migrations on ${TEST_DATABASE}`, () => {
  let databases: TestDatabases;
  const handles: Database[] = [];

  beforeAll(async () => {
    databases = await createTestDatabases(['rerun', 'halfway', 'batch', 'neighbour', 'shared_server', 'pool']);
  });
  afterEach(async () => {
    for (const database of handles.splice(0))
      if (database.dataSource.isInitialized) await database.dataSource.destroy();
  });
  afterAll(() => databases?.dispose());

  /** Opens and remembers the handle so a failing assertion still closes it. */
  async function tracked(
    settings: DatabaseSettings,
    migrations: Array<new () => MigrationInterface>,
    migrate = true,
  ): Promise<Opened> {
    const opened = await open(settings, migrations, migrate);
    handles.push(opened.database);
    return opened;
  }

  it('applies the identity migrations on the first open and none on the second', async () => {
    const settings = databases.settings('rerun');
    const first = await tracked(settings, IDENTITY_MIGRATIONS);
    expect(first.executed).toEqual(IDENTITY_MIGRATION_NAMES);
    const recorded = await recordedMigrations(first.database.dataSource);
    expect(recorded.map((row) => row.name)).toEqual(IDENTITY_MIGRATION_NAMES);
    expect(entityTables(first.database.dataSource)).toEqual(
      expect.arrayContaining(['users', 'login_events', 'outbox_events', 'processed_events']),
    );
    for (const table of entityTables(first.database.dataSource))
      expect({ table, exists: await hasTable(first.database.dataSource, table) }).toEqual({ table, exists: true });
    await first.database.dataSource.getRepository(UserEntity).insert(user('first-open'));
    await first.database.dataSource.destroy();

    const second = await tracked(settings, IDENTITY_MIGRATIONS);
    expect(second.executed).toEqual([]);
    expect(await recordedMigrations(second.database.dataSource)).toEqual(recorded);
    const kept = await second.database.dataSource.getRepository(UserEntity).findOneByOrFail({ id: 'first-open' });
    expect(kept.email).toBe('first-open@example.test');
    expect(kept.createdAt.toISOString()).toBe('2024-01-02T03:04:05.678Z');
  });

  it('rolls back a migration that fails halfway: its table is gone, it is not recorded, earlier tables and rows are intact', async () => {
    const settings = databases.settings('halfway');
    const initial = await tracked(settings, IDENTITY_MIGRATIONS);
    await initial.database.dataSource.getRepository(UserEntity).insert(user('before-failure'));
    const recordedBefore = await recordedMigrations(initial.database.dataSource);
    await initial.database.dataSource.destroy();

    const failing = open(settings, [...IDENTITY_MIGRATIONS, HalfDone1799999999999]);
    await expect(failing).rejects.toBeInstanceOf(MigrationFailedError);
    await expect(failing).rejects.toThrow(/^Migration HalfDone1799999999999 failed and was rolled back: /);

    const after = await tracked(settings, [], false);
    const { dataSource } = after.database;
    expect(await hasTable(dataSource, 'half_done')).toBe(false);
    expect(await recordedMigrations(dataSource)).toEqual(recordedBefore);
    for (const table of entityTables(dataSource))
      expect({ table, exists: await hasTable(dataSource, table) }).toEqual({ table, exists: true });
    expect(await dataSource.getRepository(UserEntity).findBy({})).toEqual([
      expect.objectContaining({ id: 'before-failure', email: 'before-failure@example.test' }),
    ]);
    await dataSource.destroy();

    // Left as it was, the database takes the corrected migration on the next start.
    const fixed = await tracked(settings, [...IDENTITY_MIGRATIONS, HalfDoneFixed]);
    expect(fixed.executed).toEqual(['HalfDone1799999999999']);
    expect(await hasTable(fixed.database.dataSource, 'half_done')).toBe(true);
    expect(await fixed.database.dataSource.getRepository(UserEntity).countBy({ id: 'before-failure' })).toBe(1);
  });

  it('keeps the tables of migrations that succeeded in the same run before a later one failed', async () => {
    // A fresh database receiving a release whose last migration fails: the earlier ones are applied
    // and recorded, so their tables must still exist, or the next start would skip them for good.
    const settings = databases.settings('batch');
    const failing = open(settings, [...IDENTITY_MIGRATIONS, HalfDone1799999999999]);
    await expect(failing).rejects.toThrow(MigrationFailedError);
    await expect(failing).rejects.toThrow(/HalfDone1799999999999/);

    const after = await tracked(settings, [], false);
    const { dataSource } = after.database;
    const recorded = (await recordedMigrations(dataSource)).map((row) => row.name);
    expect(recorded).not.toContain('HalfDone1799999999999');
    expect(await hasTable(dataSource, 'half_done')).toBe(false);
    expect(recorded).toEqual(IDENTITY_MIGRATION_NAMES);
    for (const table of entityTables(dataSource))
      expect({ table, exists: await hasTable(dataSource, table) }).toEqual({ table, exists: true });
    await dataSource.destroy();

    const restarted = await tracked(settings, IDENTITY_MIGRATIONS);
    expect(restarted.executed).toEqual([]);
    await restarted.database.dataSource.getRepository(UserEntity).insert(user('after-restart'));
    expect(await restarted.database.dataSource.getRepository(UserEntity).countBy({})).toBe(1);
  });

  it("drops the failed migration's table even when another database on the same server has a table of that name", async () => {
    // All four subgraphs may share one MySQL server, and they share table names (outbox_events, ...).
    const neighbour = await tracked(databases.settings('neighbour'), [HalfDoneFixed]);
    expect(await hasTable(neighbour.database.dataSource, 'half_done')).toBe(true);

    const settings = databases.settings('shared_server');
    const initial = await tracked(settings, IDENTITY_MIGRATIONS);
    await initial.database.dataSource.destroy();
    await expect(open(settings, [...IDENTITY_MIGRATIONS, HalfDone1799999999999])).rejects.toThrow(MigrationFailedError);

    const after = await tracked(settings, [], false);
    expect(await hasTable(after.database.dataSource, 'half_done')).toBe(false);
    expect(await hasTable(neighbour.database.dataSource, 'half_done')).toBe(true);
  });

  // SQLite has no connection pool: this case exists only in the MySQL run (npm run test:mysql).
  const onMysql = TEST_DATABASE === 'mysql' ? it : null;
  onMysql?.('leaves every pooled MySQL connection free once the migrations have run', async () => {
    const opened = await tracked(databases.settings('pool'), IDENTITY_MIGRATIONS);
    const { dataSource } = opened.database;
    const extra = (dataSource.options as MysqlConnectionOptions).extra as { connectionLimit?: number } | undefined;
    const limit = Number(extra?.connectionLimit);
    expect(limit).toBeGreaterThan(0);
    const runners = Array.from({ length: limit }, () => dataSource.createQueryRunner());
    let timer: NodeJS.Timeout | undefined;
    try {
      // A connection still held from start-up would leave the last runner waiting forever.
      const connected = await Promise.race([
        Promise.all(runners.map((runner) => runner.connect())).then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 5_000))),
      ]);
      expect(connected).toBe(true);
    } finally {
      clearTimeout(timer);
      await Promise.all(runners.map((runner) => runner.release()));
    }
  });
});
