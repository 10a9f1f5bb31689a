/**
 * `npx tsx scripts/explain-user-search.ts [N]`: seeds N users (default 100000) of 20 organisations into a
 * fresh MySQL/MariaDB database on MYSQL_TEST_URL (dropped afterwards, unless KEEP_DATABASE=1) and prints
 * the EXPLAIN of the directory searches identity runs (subgraphs/identity/directory.ts), so the indexes
 * can be checked at scale. The README's "Indexes" note shows its output.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import mysql from 'mysql2/promise';
import { openDatabase, parseDatabaseUrl } from '../shared/data/database';
import { pageRequest } from '../shared/data/pagination';
import { OUTBOX_ENTITIES } from '../shared/events/outbox';
import { IDENTITY_ENTITIES } from '../subgraphs/identity/entities';
import { IDENTITY_MIGRATIONS } from '../subgraphs/identity/migrations';
import { userPage, userSearch, type UserFilter } from '../subgraphs/identity/directory';

const FIRST = [
  'Ana',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Elif',
  'Farid',
  'Grete',
  'Hiro',
  'Inés',
  'Jonas',
  'Kemal',
  'Lucía',
  'Mihai',
  'Nora',
  'Oskar',
  'Priya',
];
const LAST = [
  'Alvarez',
  'Brandt',
  'Costa',
  'Dinu',
  'Eriksen',
  'Fischer',
  'García',
  'Horvat',
  'Ionescu',
  'Jensen',
  'Kowalski',
  'López',
  'Moreau',
  'Novak',
  'Olsen',
  'Petrov',
];
const STATUSES = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'INVITED', 'DEACTIVATED'];
const KINDS = ['EMPLOYEE', 'EMPLOYEE', 'EMPLOYEE', 'EXTERNAL', 'PARTICIPANT'];

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 100_000);
  const server = (process.env.MYSQL_TEST_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
  const database = `tenantry_explain_${randomBytes(3).toString('hex')}`;
  const admin = await mysql.createConnection(server);
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const { dataSource } = await openDatabase({
    settings: parseDatabaseUrl('MYSQL_TEST_URL', `${server}/${database}`, ''),
    entities: [...IDENTITY_ENTITIES, ...OUTBOX_ENTITIES],
    migrations: IDENTITY_MIGRATIONS,
  });
  try {
    const organizations = Array.from({ length: 20 }, () => randomUUID());
    const accounts = new Map(organizations.map((org) => [org, Array.from({ length: 5 }, () => randomUUID())]));
    const types = new Map(organizations.map((org) => [org, Array.from({ length: 4 }, () => randomUUID())]));
    const started = Date.now();
    for (let offset = 0; offset < total; offset += 2000) {
      const users: unknown[][] = [];
      const memberships: unknown[][] = [];
      for (let i = offset; i < Math.min(total, offset + 2000); i += 1) {
        // Independent random picks: moduli of i would correlate organisation, account, type and status.
        const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];
        const org = organizations[i % organizations.length];
        const first = pick(FIRST);
        const last = `${LAST[Math.floor(i / FIRST.length) % LAST.length]}${Math.floor(i / 256)}`;
        const username = `user${i}.${org.slice(0, 8)}`;
        const id = randomUUID();
        users.push([
          id,
          org,
          'CLIENT',
          `${username}@example.test`,
          username,
          first,
          last,
          username,
          first.toLowerCase(),
          last.toLowerCase(),
          pick(KINDS),
          pick(STATUSES),
          pick(types.get(org)!),
          new Date(),
        ]);
        memberships.push([id, pick(accounts.get(org)!), org]);
      }
      await dataSource.query(
        `INSERT INTO users (id, organizationId, organizationKind, email, username, firstName, lastName, usernameLower, firstNameLower, lastNameLower, kind, status, userTypeId, createdAt) VALUES ${users.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?,?,?)').join(',')}`,
        users.flat(),
      );
      await dataSource.query(
        `INSERT INTO user_accounts (userId, accountId, organizationId) VALUES ${memberships.map(() => '(?,?,?)').join(',')}`,
        memberships.flat(),
      );
    }
    await dataSource.query('ANALYZE TABLE users, user_accounts');
    const [version] = await dataSource.query<Array<{ version: string }>>('SELECT VERSION() AS version');
    console.log(
      `Seeded ${total} users in ${organizations.length} organisations in ${((Date.now() - started) / 1000).toFixed(1)} s on ${version.version}.\n`,
    );

    const org = organizations[3];
    const searches: Array<[string, UserFilter, boolean]> = [
      ['first page, no filter (sorted by last name)', {}, false],
      ['search "kow" (username, first, last name or email prefix)', { search: 'kow' }, false],
      ['last name prefix "nov"', { lastName: 'nov' }, false],
      ['email prefix', { email: 'user1243' }, false],
      ['status INVITED', { status: 'INVITED' }, false],
      ['account (division)', { accountId: accounts.get(org)![2] }, false],
      ['user type + status', { userTypeId: types.get(org)![1], status: 'ACTIVE' }, false],
      ['account + first name + kind', { accountId: accounts.get(org)![0], firstName: 'ana', kind: 'EMPLOYEE' }, false],
      ['totalCount of search "kow"', { search: 'kow' }, true],
    ];
    for (const [title, filter, count] of searches) {
      const base = userSearch(dataSource, org, filter);
      const query = count ? base.clone().select('COUNT(*)', 'cnt') : userPage(base, pageRequest(20, null));
      const [sql, parameters] = query.getQueryAndParameters();
      const plan = await dataSource.query<Array<Record<string, string | number | null>>>(`EXPLAIN ${sql}`, parameters);
      const timer = Date.now();
      await dataSource.query(sql, parameters);
      console.log(`-- ${title} (${Date.now() - timer} ms)`);
      for (const row of plan)
        console.log(
          `   ${row.table}: type=${row.type} key=${row.key} rows=${row.rows}${row.Extra ? ` extra=${row.Extra}` : ''}`,
        );
    }
  } finally {
    await dataSource.destroy();
    if (process.env.KEEP_DATABASE !== '1') await admin.query(`DROP DATABASE \`${database}\``);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
