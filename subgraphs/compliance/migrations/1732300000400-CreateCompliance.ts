import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateCompliance1732300000400 implements MigrationInterface {
  name = 'CreateCompliance1732300000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'retention_policies',
        columns: [
          { name: 'clientId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'softDeleteAfterMonths', type: 'int' },
          { name: 'eraseAfterMonths', type: 'int' },
          { name: 'privacyTermsVersion', type: 'varchar', length: '50' },
          { name: 'acceptanceWindowDays', type: 'int' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
          { name: 'updatedAt', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'consent_records',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'policyVersion', type: 'varchar', length: '50' },
          { name: 'givenAt', type: 'datetime', precision: 3 },
          { name: 'withdrawnAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'source', type: 'varchar', length: '50' },
        ],
      }),
    );
    await runner.createIndex(
      'consent_records',
      new TableIndex({ name: 'idx_consent_records_user', columnNames: ['userId', 'givenAt'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('consent_records');
    await runner.dropTable('retention_policies');
  }
}
