import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { DatabaseSettings } from '../data/database';
import { parseDatabaseUrl } from '../data/database';

/** Which database the integration tests run on: TEST_DATABASE=mysql switches from SQLite to MariaDB/MySQL. */
export const TEST_DATABASE = process.env.TEST_DATABASE === 'mysql' ? 'mysql' : 'sqlite';
/** Server URL (no database) for the MySQL run; the tests create and drop their own databases. */
export const MYSQL_TEST_URL = process.env.MYSQL_TEST_URL ?? 'mysql://root@127.0.0.1:3306';

export interface TestDatabases {
  settings(name: string): DatabaseSettings;
  dispose(): Promise<void>;
}

/** Fresh, empty databases for one test file: SQLite files in a temp folder, or MySQL databases dropped afterwards. */
export async function createTestDatabases(names: readonly string[], kind = TEST_DATABASE): Promise<TestDatabases> {
  const tag = `${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(3).toString('hex')}`;
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantry-test-'));
    return {
      settings: (name) => ({ kind: 'sqlite', file: path.join(dir, `${name}.sqlite`) }),
      dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const connection = await mysql.createConnection(MYSQL_TEST_URL);
  const databases = names.map((name) => `tenantry_t${tag}_${name}`);
  try {
    for (const database of databases)
      await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
  return {
    settings: (name) =>
      parseDatabaseUrl('MYSQL_TEST_URL', `${MYSQL_TEST_URL.replace(/\/$/, '')}/tenantry_t${tag}_${name}`, ''),
    dispose: async () => {
      const cleanup = await mysql.createConnection(MYSQL_TEST_URL);
      try {
        for (const database of databases) await cleanup.query(`DROP DATABASE IF EXISTS \`${database}\``);
      } finally {
        await cleanup.end();
      }
    },
  };
}
