import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type EntityManager, type Logger as TypeOrmLogger, type MixedList, type EntitySchema, type QueryRunner, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Logger } from 'pino';
import { ConfigError } from '../runtime/config';

export type DatabaseSettings =
  | { kind: 'sqlite'; file: string }
  | { kind: 'mysql'; url: string; host: string; database: string };

/**
 * Reads one subgraph's database setting. Unset means the embedded default: a SQLite file in the data
 * folder. `mysql://` or `mariadb://` URLs select MySQL/MariaDB through mysql2; `sqlite:<path>` names a file.
 */
export function parseDatabaseUrl(variable: string, value: string | undefined, defaultFile: string): DatabaseSettings {
  if (value === undefined || value.trim() === '') return { kind: 'sqlite', file: defaultFile };
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '') throw new ConfigError(variable, 'names no SQLite file (expected sqlite:<path>)');
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(variable, 'is not a valid URL (expected mysql://user:password@host:3306/database or sqlite:<path>)');
  }
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new ConfigError(variable, `has unsupported scheme "${url.protocol}" (expected mysql: or sqlite:)`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_$]{1,64}$/.test(database)) {
    throw new ConfigError(variable, 'must name a database in its path, e.g. mysql://root@127.0.0.1:3306/tenantry_identity');
  }
  url.protocol = 'mysql:';
  return { kind: 'mysql', url: url.toString(), host: `${url.hostname}:${url.port || '3306'}`, database };
}

/** Counts SQL statements; the N+1 tests and the benchmark read it, and it logs each query at trace level. */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  /** The latest statements, for diagnosing a test that counts more than it expected. */
  readonly recent: string[] = [];
  constructor(private readonly logger?: Logger) {}
  logQuery(query: string, parameters?: unknown[]): void {
    this.count += 1;
    this.recent.push(query);
    if (this.recent.length > 50) this.recent.shift();
    this.logger?.trace({ query, parameters }, 'sql');
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger?.debug({ err: error, query }, 'sql failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ time, query }, 'slow sql');
  }
  logSchemaBuild(message: string): void {
    this.logger?.debug(message);
  }
  logMigration(message: string): void {
    this.logger?.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger?.warn({ message }, 'typeorm');
    else this.logger?.debug({ message }, 'typeorm');
  }
}

export interface OpenDatabaseOptions {
  settings: DatabaseSettings;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  logger?: Logger;
  /** Run pending migrations (default). Tooling that only inspects the schema turns it off. */
  migrate?: boolean;
}

export interface Database {
  dataSource: DataSource;
  queries: QueryCounter;
  settings: DatabaseSettings;
}

/** Where connection failures become one line naming the database, not a driver stack trace. */
export class DatabaseUnavailableError extends Error {
  constructor(settings: DatabaseSettings, cause: unknown) {
    const where = settings.kind === 'sqlite' ? `SQLite file ${settings.file}` : `MySQL database ${settings.database} at ${settings.host}`;
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot open ${where}: ${reason}`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Opens a subgraph's database and applies pending migrations. Fails before the service listens. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const { settings } = options;
  const queries = new QueryCounter(options.logger);
  const common = { entities: options.entities, migrations: options.migrations, logger: queries, logging: true as const, synchronize: false };
  let dataSource: DataSource;
  if (settings.kind === 'sqlite') {
    if (settings.file !== ':memory:') fs.mkdirSync(path.dirname(settings.file), { recursive: true });
    dataSource = new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: settings.file,
      // WAL lets readers proceed while a writer commits; busy_timeout waits instead of failing when
      // a second process (e.g. `npm run migrate`) holds the write lock.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    });
  } else {
    dataSource = new DataSource({
      ...common,
      type: 'mysql',
      url: settings.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      // Dates are stored and read as UTC; mysql2 returns DATETIME as JS Date in that zone.
      dateStrings: false,
      supportBigNumbers: true,
      extra: { connectionLimit: 10 },
      connectTimeout: 10_000,
    });
  }
  try {
    await dataSource.initialize();
    if (settings.kind === 'mysql') await ensureUtf8mb4(dataSource, settings.database);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    throw new DatabaseUnavailableError(settings, error);
  }
  if (options.migrate !== false) {
    try {
      await runMigrationsAtomically(dataSource);
    } catch (error) {
      await dataSource.destroy().catch(() => undefined);
      throw error;
    }
  }
  return { dataSource, queries, settings };
}

async function ensureUtf8mb4(dataSource: DataSource, database: string): Promise<void> {
  const rows: Array<{ charset: string }> = await dataSource.query(
    'SELECT DEFAULT_CHARACTER_SET_NAME AS charset FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
    [database],
  );
  if (rows[0]?.charset !== 'utf8mb4') {
    await dataSource.query(`ALTER DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
}

export class MigrationFailedError extends Error {
  constructor(name: string, cause: unknown) {
    super(`Migration ${name} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'MigrationFailedError';
  }
}

/**
 * Runs pending migrations one at a time, each in a transaction. SQLite rolls DDL back with the
 * transaction; MySQL commits each DDL statement implicitly, so there a failed migration's new tables
 * are dropped afterwards to leave the database as it was. (Our migrations only add tables, columns and
 * indexes; a migration that alters data must be written to be re-runnable.)
 */
export async function runMigrationsAtomically(dataSource: DataSource): Promise<string[]> {
  const applied: string[] = [];
  for (;;) {
    const pending = await pendingMigrationNames(dataSource);
    if (pending.length === 0) return applied;
    let before = await tableNames(dataSource);
    // Migrations that succeed before a failing one are committed and recorded, so their tables must
    // survive the cleanup: on MySQL, take the snapshot again as each migration starts.
    const restore = dataSource.options.type !== 'mysql' ? [] : dataSource.migrations.map((migration) => {
      const original = Object.getOwnPropertyDescriptor(migration, 'up');
      const up = migration.up.bind(migration);
      migration.up = async (runner: QueryRunner) => {
        before = await tableNames(dataSource, runner);
        await up(runner);
      };
      return () => {
        if (original) Object.defineProperty(migration, 'up', original);
        else delete (migration as Partial<typeof migration>).up;
      };
    });
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      applied.push(...ran.map((migration) => migration.name));
      return applied;
    } catch (error) {
      const failed = (await pendingMigrationNames(dataSource))[0] ?? pending[0];
      if (dataSource.options.type === 'mysql') {
        const created = (await tableNames(dataSource)).filter((table) => !before.includes(table));
        const runner = dataSource.createQueryRunner();
        try {
          await runner.query('SET FOREIGN_KEY_CHECKS = 0');
          for (const table of created) if (table !== 'migrations') await runner.query(`DROP TABLE IF EXISTS \`${table}\``);
          await runner.query('SET FOREIGN_KEY_CHECKS = 1');
        } finally {
          await runner.release();
        }
      }
      throw new MigrationFailedError(failed, error);
    } finally {
      for (const undo of restore) undo();
    }
  }
}

async function pendingMigrationNames(dataSource: DataSource): Promise<string[]> {
  // A query runner holds its pooled MySQL connection until released.
  const runner = dataSource.createQueryRunner();
  const executedTable = await runner.hasTable('migrations').finally(() => runner.release());
  const executed = executedTable
    ? (await dataSource.query<Array<{ name: string }>>('SELECT name FROM migrations')).map((row) => row.name)
    : [];
  return dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name).filter((name) => !executed.includes(name));
}

async function tableNames(dataSource: DataSource, current?: QueryRunner): Promise<string[]> {
  if (dataSource.options.type === 'mysql') {
    // Only this database: QueryRunner.getTables() lists every schema on the server, where another
    // database's table of the same name would hide a new one from the cleanup.
    const rows = (await (current ?? dataSource).query(
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'",
    )) as Array<{ name: string }>;
    return rows.map((row) => row.name);
  }
  const runner: QueryRunner = dataSource.createQueryRunner();
  try {
    const tables = await runner.getTables();
    return tables.map((table) => table.name.split('.').pop() ?? table.name);
  } finally {
    await runner.release();
  }
}

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in a transaction. SQLite (better-sqlite3) has one connection per process, so TypeORM
 * would interleave concurrent transactions on it ("cannot start a transaction within a transaction");
 * here they queue one after another. MySQL gets one pooled connection per transaction.
 * Every write goes through this, so a write never lands inside another request's transaction.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource.transaction(work);
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(dataSource, next.catch(() => undefined));
  return next;
}

/** True when the error is a unique-key violation on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; errno?: number } }).driverError ?? (error as { code?: string; errno?: number });
  return (
    driverError?.code === 'ER_DUP_ENTRY' ||
    driverError?.errno === 1062 ||
    driverError?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    driverError?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Inserts many rows in statements of `size` rows each: one statement per row is slow, and one
 * statement for all of them can pass SQLite's and MySQL's limits on bound parameters.
 */
export async function insertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
  size = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await manager.insert(entity, rows.slice(i, i + size));
}
