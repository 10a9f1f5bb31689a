import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateAuditLog1732300000410 implements MigrationInterface {
  name = 'CreateAuditLog1732300000410';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'organizationId', type: 'varchar', length: '36' },
          { name: 'actorId', type: 'varchar', length: '60', isNullable: true },
          { name: 'action', type: 'varchar', length: '60' },
          { name: 'targetType', type: 'varchar', length: '40' },
          { name: 'targetId', type: 'varchar', length: '60' },
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
          { name: 'occurredAt', type: 'datetime', precision: 3 },
          { name: 'requestId', type: 'varchar', length: '36', isNullable: true },
        ],
      }),
    );
    await runner.createIndex(
      'audit_log',
      new TableIndex({ name: 'idx_audit_org_time', columnNames: ['organizationId', 'occurredAt', 'id'] }),
    );
    await runner.createIndex(
      'audit_log',
      new TableIndex({ name: 'idx_audit_org_actor_time', columnNames: ['organizationId', 'actorId', 'occurredAt'] }),
    );
    await runner.createIndex(
      'audit_log',
      new TableIndex({ name: 'idx_audit_org_target_time', columnNames: ['organizationId', 'targetId', 'occurredAt'] }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('audit_log');
  }
}
