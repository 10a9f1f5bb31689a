import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Each user's tier and admin role, kept from permissions' PersonAccessChanged, for tier and last-admin rules. */
export class PersonTier1764000000210 implements MigrationInterface {
  name = 'PersonTier1764000000210';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('users', new TableColumn({ name: 'tier', type: 'varchar', length: '30', isNullable: true }));
    await runner.addColumn('users', new TableColumn({ name: 'isAdmin', type: 'boolean', default: false }));
    await runner.createIndex(
      'users',
      new TableIndex({ name: 'idx_users_org_admin', columnNames: ['organizationId', 'isAdmin', 'status'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('users', 'idx_users_org_admin');
    await runner.dropColumn('users', 'isAdmin');
    await runner.dropColumn('users', 'tier');
  }
}
