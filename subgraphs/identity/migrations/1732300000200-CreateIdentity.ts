import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateIdentity1732300000200 implements MigrationInterface {
  name = 'CreateIdentity1732300000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'organizationKind', type: 'varchar', length: '10' },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'username', type: 'varchar', length: '100' },
          { name: 'firstName', type: 'varchar', length: '100' },
          { name: 'lastName', type: 'varchar', length: '100' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'passwordHash', type: 'varchar', length: '255', isNullable: true },
          { name: 'createdAt', type: 'datetime', precision: 3 },
          { name: 'lastLoginAt', type: 'datetime', precision: 3, isNullable: true },
        ],
      }),
    );
    await runner.createIndex(
      'users',
      new TableIndex({ name: 'uq_users_email', columnNames: ['email'], isUnique: true }),
    );
    await runner.createIndex(
      'users',
      new TableIndex({ name: 'uq_users_username', columnNames: ['username'], isUnique: true }),
    );
    await runner.createIndex(
      'users',
      new TableIndex({ name: 'idx_users_org_last_name', columnNames: ['organizationId', 'lastName', 'id'] }),
    );
    await runner.createTable(
      new Table({
        name: 'login_events',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'occurredAt', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await runner.createIndex(
      'login_events',
      new TableIndex({ name: 'idx_login_events_org_time', columnNames: ['organizationId', 'occurredAt'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('login_events');
    await runner.dropTable('users');
  }
}
