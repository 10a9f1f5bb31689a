import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The partner whose grant an invitation was sent through: when the client ends that grant, the
 * invitations its staff sent that are still pending are revoked (docs/authorization.md, "Reach").
 */
export class InvitationPartner1764000000220 implements MigrationInterface {
  name = 'InvitationPartner1764000000220';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn(
      'user_invitations',
      new TableColumn({ name: 'partnerId', type: 'varchar', length: '36', isNullable: true }),
    );
    await runner.createIndex(
      'user_invitations',
      new TableIndex({ name: 'idx_user_invitations_partner', columnNames: ['organizationId', 'partnerId'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('user_invitations', 'idx_user_invitations_partner');
    await runner.dropColumn('user_invitations', 'partnerId');
  }
}
