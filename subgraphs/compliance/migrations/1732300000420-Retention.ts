import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class Retention1732300000420 implements MigrationInterface {
  name = 'Retention1732300000420';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'participations',
        columns: [
          { name: 'projectId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'clientId', type: 'varchar', length: '36' },
          { name: 'joinedAt', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await runner.createIndex(
      'participations',
      new TableIndex({ name: 'idx_participations_client_joined', columnNames: ['clientId', 'joinedAt'] }),
    );
    await runner.createIndex(
      'participations',
      new TableIndex({ name: 'idx_participations_user', columnNames: ['userId'] }),
    );
    await runner.createTable(
      new Table({
        name: 'person_states',
        columns: [
          { name: 'userId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'clientId', type: 'varchar', length: '36', isNullable: true },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'reason', type: 'varchar', length: '100', isNullable: true },
          { name: 'softDeletedAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'eraseDueAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'erasedAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'pseudonym', type: 'varchar', length: '64', isNullable: true },
        ],
      }),
    );
    await runner.createIndex(
      'person_states',
      new TableIndex({ name: 'idx_person_states_state_due', columnNames: ['state', 'eraseDueAt'] }),
    );
    await runner.createTable(
      new Table({
        name: 'data_subject_requests',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'clientId', type: 'varchar', length: '36' },
          { name: 'userId', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'requestedBy', type: 'varchar', length: '60', isNullable: true },
          { name: 'requestedAt', type: 'datetime', precision: 3 },
          { name: 'completedAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'result', type: 'text', isNullable: true },
          { name: 'failure', type: 'varchar', length: '300', isNullable: true },
        ],
      }),
    );
    await runner.createIndex(
      'data_subject_requests',
      new TableIndex({ name: 'idx_dsr_client_time', columnNames: ['clientId', 'requestedAt', 'id'] }),
    );
    // An export document can exceed MySQL's 64 KiB TEXT; SQLite's TEXT has no such limit.
    if (runner.connection.options.type === 'mysql')
      await runner.query('ALTER TABLE data_subject_requests MODIFY result LONGTEXT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('data_subject_requests');
    await runner.dropTable('person_states');
    await runner.dropTable('participations');
  }
}
