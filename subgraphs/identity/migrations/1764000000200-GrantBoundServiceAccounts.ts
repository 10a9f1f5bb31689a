import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** A service account partner staff create in a client through a grant lives and dies with that grant. */
export class GrantBoundServiceAccounts1764000000200 implements MigrationInterface {
  name = 'GrantBoundServiceAccounts1764000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn(
      'service_accounts',
      new TableColumn({ name: 'boundToPartnerId', type: 'varchar', length: '36', isNullable: true }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('service_accounts', 'boundToPartnerId');
  }
}
