import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 4 in tenancy: who created a client and who changed its status, company profiles with their
 * corporate email domains, integrations (codes encrypted), products, projects with their parties and
 * participants, and the partner access lifecycle (invitations and grants).
 */
export class PeopleAndTenants1732300000120 implements MigrationInterface {
  name = 'PeopleAndTenants1732300000120';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('clients', [
      new TableColumn({ name: 'createdBy', type: 'varchar', length: '60', isNullable: true }),
      new TableColumn({ name: 'statusChangedAt', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'statusChangedBy', type: 'varchar', length: '60', isNullable: true }),
      new TableColumn({ name: 'statusReason', type: 'varchar', length: '500', isNullable: true }),
    ]);
    await runner.createTable(
      new Table({
        name: 'company_profiles',
        columns: [
          { name: 'clientId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'legalName', type: 'varchar', length: '200', isNullable: true },
          { name: 'taxId', type: 'varchar', length: '50', isNullable: true },
          { name: 'country', type: 'varchar', length: '2', isNullable: true },
          { name: 'addressLine1', type: 'varchar', length: '200', isNullable: true },
          { name: 'addressLine2', type: 'varchar', length: '200', isNullable: true },
          { name: 'postalCode', type: 'varchar', length: '20', isNullable: true },
          { name: 'city', type: 'varchar', length: '100', isNullable: true },
          { name: 'region', type: 'varchar', length: '100', isNullable: true },
          { name: 'industry', type: 'varchar', length: '100', isNullable: true },
          { name: 'size', type: 'varchar', length: '20', isNullable: true },
          { name: 'logoUrl', type: 'varchar', length: '2000', isNullable: true },
          { name: 'selfEnrollment', type: 'boolean', default: false },
          { name: 'legalRepresentativeId', type: 'varchar', length: '36', isNullable: true },
          { name: 'updatedAt', type: 'datetime', precision: 3 },
          { name: 'updatedBy', type: 'varchar', length: '60', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['clientId'], referencedTableName: 'clients', referencedColumnNames: ['id'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'client_email_domains',
        columns: [
          // A domain belongs to one client: sign-up maps an email to its client through it.
          { name: 'domain', type: 'varchar', length: '253', isPrimary: true },
          { name: 'clientId', type: 'varchar', length: '36' },
        ],
        foreignKeys: [{ columnNames: ['clientId'], referencedTableName: 'clients', referencedColumnNames: ['id'] }],
      }),
    );
    await runner.createIndex(
      'client_email_domains',
      new TableIndex({ name: 'idx_client_email_domains_client', columnNames: ['clientId'] }),
    );
    await runner.createTable(
      new Table({
        name: 'client_integrations',
        columns: [
          { name: 'clientId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'provider', type: 'varchar', length: '40', isPrimary: true },
          { name: 'codesCiphertext', type: 'text', isNullable: true },
          { name: 'codesUpdatedAt', type: 'datetime', precision: 3 },
          { name: 'codesUpdatedBy', type: 'varchar', length: '60', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['clientId'], referencedTableName: 'clients', referencedColumnNames: ['id'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'client_products',
        columns: [
          { name: 'clientId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'product', type: 'varchar', length: '40', isPrimary: true },
        ],
        foreignKeys: [{ columnNames: ['clientId'], referencedTableName: 'clients', referencedColumnNames: ['id'] }],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'projects',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'clientId', type: 'varchar', length: '36' },
          { name: 'accountId', type: 'varchar', length: '36', isNullable: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
          { name: 'createdBy', type: 'varchar', length: '60', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['clientId'], referencedTableName: 'clients', referencedColumnNames: ['id'] },
          { columnNames: ['accountId'], referencedTableName: 'accounts', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await runner.createIndex(
      'projects',
      new TableIndex({ name: 'uq_projects_client_name', columnNames: ['clientId', 'name'], isUnique: true }),
    );
    await runner.createTable(
      new Table({
        name: 'project_parties',
        columns: [
          { name: 'projectId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36', isPrimary: true },
        ],
        foreignKeys: [{ columnNames: ['projectId'], referencedTableName: 'projects', referencedColumnNames: ['id'] }],
      }),
    );
    await runner.createIndex(
      'project_parties',
      new TableIndex({ name: 'idx_project_parties_org', columnNames: ['organizationId'] }),
    );
    await runner.createTable(
      new Table({
        name: 'project_participants',
        columns: [
          { name: 'projectId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'joinedAt', type: 'datetime', precision: 3 },
          { name: 'addedBy', type: 'varchar', length: '60', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['projectId'], referencedTableName: 'projects', referencedColumnNames: ['id'] }],
      }),
    );
    await runner.createIndex(
      'project_participants',
      new TableIndex({ name: 'idx_project_participants_user', columnNames: ['userId'] }),
    );
    await runner.createTable(
      new Table({
        name: 'partner_invitations',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'clientId', type: 'varchar', length: '36' },
          { name: 'partnerId', type: 'varchar', length: '36' },
          { name: 'level', type: 'varchar', length: '10' },
          { name: 'products', type: 'text' },
          { name: 'includeWallet', type: 'boolean', default: false },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'invitedBy', type: 'varchar', length: '60', isNullable: true },
          { name: 'createdAt', type: 'datetime', precision: 3 },
          { name: 'sentAt', type: 'datetime', precision: 3 },
          { name: 'expiresAt', type: 'datetime', precision: 3 },
          { name: 'respondedAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'respondedBy', type: 'varchar', length: '60', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['clientId'], referencedTableName: 'clients', referencedColumnNames: ['id'] },
          { columnNames: ['partnerId'], referencedTableName: 'partners', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await runner.createIndex(
      'partner_invitations',
      new TableIndex({ name: 'idx_partner_invitations_client', columnNames: ['clientId', 'status'] }),
    );
    await runner.createIndex(
      'partner_invitations',
      new TableIndex({ name: 'idx_partner_invitations_partner', columnNames: ['partnerId', 'status'] }),
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
          { name: 'invitationId', type: 'varchar', length: '36', isNullable: true },
          { name: 'grantedAt', type: 'datetime', precision: 3 },
          { name: 'cancelledAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'cancelledBy', type: 'varchar', length: '60', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['clientId'], referencedTableName: 'clients', referencedColumnNames: ['id'] },
          { columnNames: ['partnerId'], referencedTableName: 'partners', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await runner.createIndex(
      'partner_grants',
      new TableIndex({ name: 'idx_tenancy_partner_grants_partner', columnNames: ['partnerId', 'status'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'partner_grants',
      'partner_invitations',
      'project_participants',
      'project_parties',
      'projects',
      'client_products',
      'client_integrations',
      'client_email_domains',
      'company_profiles',
    ]) {
      await runner.dropTable(table);
    }
    for (const column of ['statusReason', 'statusChangedBy', 'statusChangedAt', 'createdBy'])
      await runner.dropColumn('clients', column);
  }
}
