import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { PERMISSIONS } from '../catalogue';

export class CreatePermissions1732300000300 implements MigrationInterface {
  name = 'CreatePermissions1732300000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'permissions',
        columns: [
          { name: 'key', type: 'varchar', length: '100', isPrimary: true },
          { name: 'product', type: 'varchar', length: '50' },
          { name: 'description', type: 'varchar', length: '300' },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'user_types',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'description', type: 'varchar', length: '300', default: "''" },
          { name: 'predefined', type: 'boolean', default: false },
          { name: 'isDefault', type: 'boolean', default: false },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await runner.createIndex(
      'user_types',
      new TableIndex({ name: 'uq_user_types_org_name', columnNames: ['organizationId', 'name'], isUnique: true }),
    );
    await runner.createTable(
      new Table({
        name: 'user_type_permissions',
        columns: [
          { name: 'userTypeId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'permissionKey', type: 'varchar', length: '100', isPrimary: true },
        ],
        foreignKeys: [
          {
            columnNames: ['userTypeId'],
            referencedTableName: 'user_types',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          { columnNames: ['permissionKey'], referencedTableName: 'permissions', referencedColumnNames: ['key'] },
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'user_type_assignments',
        columns: [
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userTypeId', type: 'varchar', length: '36' },
          { name: 'organizationId', type: 'varchar', length: '36' },
        ],
        foreignKeys: [
          { columnNames: ['userTypeId'], referencedTableName: 'user_types', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await runner.createIndex(
      'user_type_assignments',
      new TableIndex({ name: 'idx_user_type_assignments_type', columnNames: ['userTypeId'] }),
    );
    await runner.createTable(
      new Table({
        name: 'role_assignments',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'role', type: 'varchar', length: '30' },
          { name: 'accountIds', type: 'text' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await runner.createIndex(
      'role_assignments',
      new TableIndex({ name: 'idx_role_assignments_user', columnNames: ['userId'] }),
    );
    await runner.createIndex(
      'role_assignments',
      new TableIndex({ name: 'idx_role_assignments_org', columnNames: ['organizationId'] }),
    );
    // The catalogue is reference data every deployment needs; later additions come as new migrations.
    for (const permission of PERMISSIONS) {
      await runner.query('INSERT INTO permissions (`key`, product, description) VALUES (?, ?, ?)', [
        permission.key,
        permission.product,
        permission.description,
      ]);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'role_assignments',
      'user_type_assignments',
      'user_type_permissions',
      'user_types',
      'permissions',
    ])
      await runner.dropTable(table);
  }
}
