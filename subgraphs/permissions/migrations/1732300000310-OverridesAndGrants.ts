import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class OverridesAndGrants1732300000310 implements MigrationInterface {
  name = 'OverridesAndGrants1732300000310';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn(
      'user_type_assignments',
      new TableColumn({ name: 'subjectKind', type: 'varchar', length: '20', default: "'EMPLOYEE'" }),
    );
    await runner.createTable(
      new Table({
        name: 'permission_overrides',
        columns: [
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'permissionKey', type: 'varchar', length: '100', isPrimary: true },
          { name: 'effect', type: 'varchar', length: '10' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
          { name: 'createdBy', type: 'varchar', length: '60', isNullable: true },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'partner_grants',
        columns: [
          { name: 'clientId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'partnerId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'level', type: 'varchar', length: '10' },
          { name: 'products', type: 'text' },
          { name: 'includeWallet', type: 'boolean', default: false },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'updatedAt', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await runner.createIndex(
      'partner_grants',
      new TableIndex({ name: 'idx_partner_grants_partner', columnNames: ['partnerId', 'status'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('partner_grants');
    await runner.dropTable('permission_overrides');
    await runner.dropColumn('user_type_assignments', 'subjectKind');
  }
}
