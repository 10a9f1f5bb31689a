import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class SoftDeletion1732300000240 implements MigrationInterface {
  name = 'SoftDeletion1732300000240';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn(
      'users',
      new TableColumn({ name: 'deletedAt', type: 'datetime', precision: 3, isNullable: true }),
    );
    await runner.createIndex(
      'users',
      new TableIndex({ name: 'idx_users_org_deleted', columnNames: ['organizationId', 'deletedAt'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('users', 'idx_users_org_deleted');
    await runner.dropColumn('users', 'deletedAt');
  }
}
