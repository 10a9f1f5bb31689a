import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateTenancy1732300000100 implements MigrationInterface {
  name = 'CreateTenancy1732300000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'partners',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'isOperator', type: 'boolean', default: false },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'clients',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'partnerId', type: 'varchar', length: '36', isNullable: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'subdomain', type: 'varchar', length: '63' },
          { name: 'status', type: 'varchar', length: '20', default: "'ACTIVE'" },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [{ columnNames: ['partnerId'], referencedTableName: 'partners', referencedColumnNames: ['id'] }],
      }),
    );
    await runner.createIndex(
      'clients',
      new TableIndex({ name: 'uq_clients_subdomain', columnNames: ['subdomain'], isUnique: true }),
    );
    await runner.createIndex(
      'clients',
      new TableIndex({ name: 'idx_clients_partner_name', columnNames: ['partnerId', 'name'] }),
    );
    await runner.createTable(
      new Table({
        name: 'accounts',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'clientId', type: 'varchar', length: '36' },
          { name: 'parentId', type: 'varchar', length: '36', isNullable: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [
          { columnNames: ['clientId'], referencedTableName: 'clients', referencedColumnNames: ['id'] },
          { columnNames: ['parentId'], referencedTableName: 'accounts', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await runner.createIndex('accounts', new TableIndex({ name: 'idx_accounts_client', columnNames: ['clientId'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('accounts');
    await runner.dropTable('clients');
    await runner.dropTable('partners');
  }
}
