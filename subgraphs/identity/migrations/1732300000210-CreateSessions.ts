import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateSessions1732300000210 implements MigrationInterface {
  name = 'CreateSessions1732300000210';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'familyId', type: 'varchar', length: '36' },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'tokenHash', type: 'varchar', length: '64' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
          { name: 'expiresAt', type: 'datetime', precision: 3 },
          { name: 'usedAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'revokedAt', type: 'datetime', precision: 3, isNullable: true },
        ],
      }),
    );
    await runner.createIndex('sessions', new TableIndex({ name: 'idx_sessions_family', columnNames: ['familyId'] }));
    await runner.createIndex(
      'sessions',
      new TableIndex({ name: 'uq_sessions_token_hash', columnNames: ['tokenHash'], isUnique: true }),
    );
    await runner.createTable(
      new Table({
        name: 'login_attempts',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'accountKey', type: 'varchar', length: '254' },
          { name: 'address', type: 'varchar', length: '64' },
          { name: 'attemptedAt', type: 'datetime', precision: 3 },
          { name: 'succeeded', type: 'boolean', default: false },
        ],
      }),
    );
    await runner.createIndex(
      'login_attempts',
      new TableIndex({ name: 'idx_login_attempts_account', columnNames: ['accountKey', 'attemptedAt'] }),
    );
    await runner.createIndex(
      'login_attempts',
      new TableIndex({ name: 'idx_login_attempts_address', columnNames: ['address', 'attemptedAt'] }),
    );
    await runner.createTable(
      new Table({
        name: 'service_accounts',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'clientId', type: 'varchar', length: '64' },
          { name: 'secretHash', type: 'varchar', length: '255' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
          { name: 'createdBy', type: 'varchar', length: '36', isNullable: true },
          { name: 'revokedAt', type: 'datetime', precision: 3, isNullable: true },
        ],
      }),
    );
    await runner.createIndex(
      'service_accounts',
      new TableIndex({ name: 'uq_service_accounts_client_id', columnNames: ['clientId'], isUnique: true }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('service_accounts');
    await runner.dropTable('login_attempts');
    await runner.dropTable('sessions');
  }
}
