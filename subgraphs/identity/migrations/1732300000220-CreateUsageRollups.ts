import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateUsageRollups1732300000220 implements MigrationInterface {
  name = 'CreateUsageRollups1732300000220';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'usage_daily',
        columns: [
          { name: 'organizationId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'logins', type: 'int', default: 0 },
          { name: 'activeUsers', type: 'int', default: 0 },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'user_daily_activity',
        columns: [
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36' },
        ],
      }),
    );
    // userId in the index lets distinct-user counts over a period read the index alone.
    await runner.createIndex(
      'user_daily_activity',
      new TableIndex({ name: 'idx_user_daily_activity_org_day', columnNames: ['organizationId', 'day', 'userId'] }),
    );
    // Roll up what was recorded before these tables existed. DATE() means the same on SQLite and MySQL.
    await runner.query(
      'INSERT INTO user_daily_activity (userId, day, organizationId) SELECT userId, DATE(occurredAt), MIN(organizationId) FROM login_events GROUP BY userId, DATE(occurredAt)',
    );
    await runner.query(
      'INSERT INTO usage_daily (organizationId, day, logins, activeUsers) SELECT organizationId, DATE(occurredAt), COUNT(*), COUNT(DISTINCT userId) FROM login_events GROUP BY organizationId, DATE(occurredAt)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('user_daily_activity');
    await runner.dropTable('usage_daily');
  }
}
