import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Invitations, self-enrollment settings, account memberships and the directory search columns:
 * lowercase copies of the searched names and composite indexes that start with the organisation.
 */
export class UserLifecycle1732300000230 implements MigrationInterface {
  name = 'UserLifecycle1732300000230';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('users', [
      new TableColumn({ name: 'usernameLower', type: 'varchar', length: '100', default: "''" }),
      new TableColumn({ name: 'firstNameLower', type: 'varchar', length: '100', default: "''" }),
      new TableColumn({ name: 'lastNameLower', type: 'varchar', length: '100', default: "''" }),
      new TableColumn({ name: 'accessLevel', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'userTypeId', type: 'varchar', length: '36', isNullable: true }),
    ]);
    // Existing rows: LOWER() folds ASCII on SQLite and everything on MySQL; new writes fold in the code.
    await runner.query(
      'UPDATE users SET usernameLower = LOWER(username), firstNameLower = LOWER(firstName), lastNameLower = LOWER(lastName)',
    );
    await runner.query("UPDATE users SET accessLevel = 'BASIC' WHERE kind = 'EXTERNAL'");
    const userIndexes: Array<[string, string[]]> = [
      ['idx_users_org_username_lc', ['organizationId', 'usernameLower']],
      ['idx_users_org_first_name_lc', ['organizationId', 'firstNameLower']],
      ['idx_users_org_last_name_lc', ['organizationId', 'lastNameLower']],
      ['idx_users_org_email', ['organizationId', 'email']],
      ['idx_users_org_status', ['organizationId', 'status', 'lastName', 'id']],
      ['idx_users_org_kind', ['organizationId', 'kind', 'lastName', 'id']],
      ['idx_users_org_user_type', ['organizationId', 'userTypeId', 'lastName', 'id']],
    ];
    for (const [name, columnNames] of userIndexes)
      await runner.createIndex('users', new TableIndex({ name, columnNames }));

    await runner.createTable(
      new Table({
        name: 'user_accounts',
        columns: [
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'accountId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36' },
        ],
      }),
    );
    await runner.createIndex(
      'user_accounts',
      new TableIndex({ name: 'idx_user_accounts_org_account', columnNames: ['organizationId', 'accountId', 'userId'] }),
    );

    await runner.createTable(
      new Table({
        name: 'user_invitations',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'tokenHash', type: 'varchar', length: '64' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
          { name: 'expiresAt', type: 'datetime', precision: 3 },
          { name: 'usedAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'revokedAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'createdBy', type: 'varchar', length: '60', isNullable: true },
        ],
      }),
    );
    await runner.createIndex(
      'user_invitations',
      new TableIndex({ name: 'uq_user_invitations_token_hash', columnNames: ['tokenHash'], isUnique: true }),
    );
    await runner.createIndex(
      'user_invitations',
      new TableIndex({ name: 'idx_user_invitations_user', columnNames: ['userId', 'createdAt'] }),
    );

    await runner.createTable(
      new Table({
        name: 'client_settings',
        columns: [
          { name: 'clientId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'selfEnrollment', type: 'boolean', default: false },
          { name: 'status', type: 'varchar', length: '20', default: "'ACTIVE'" },
          { name: 'updatedAt', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'client_email_domains',
        columns: [
          { name: 'domain', type: 'varchar', length: '253', isPrimary: true },
          { name: 'clientId', type: 'varchar', length: '36', isPrimary: true },
        ],
      }),
    );
    await runner.createIndex(
      'client_email_domains',
      new TableIndex({ name: 'idx_client_email_domains_client', columnNames: ['clientId'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('client_email_domains');
    await runner.dropTable('client_settings');
    await runner.dropTable('user_invitations');
    await runner.dropTable('user_accounts');
    for (const name of [
      'idx_users_org_username_lc',
      'idx_users_org_first_name_lc',
      'idx_users_org_last_name_lc',
      'idx_users_org_email',
      'idx_users_org_status',
      'idx_users_org_kind',
      'idx_users_org_user_type',
    ]) {
      await runner.dropIndex('users', name);
    }
    for (const column of ['usernameLower', 'firstNameLower', 'lastNameLower', 'accessLevel', 'userTypeId'])
      await runner.dropColumn('users', column);
  }
}
