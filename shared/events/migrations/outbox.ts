import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Outbox and processed-event tables; every subgraph includes this migration in its own list. */
export class CreateOutbox1732300000000 implements MigrationInterface {
  name = 'CreateOutbox1732300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'outbox_events',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'eventId', type: 'varchar', length: '36' },
          { name: 'topic', type: 'varchar', length: '100' },
          { name: 'destination', type: 'varchar', length: '50' },
          { name: 'payload', type: 'text' },
          { name: 'createdAt', type: 'datetime', precision: 3 },
          { name: 'availableAt', type: 'datetime', precision: 3 },
          { name: 'attempts', type: 'int', default: 0 },
          { name: 'deliveredAt', type: 'datetime', precision: 3, isNullable: true },
          { name: 'lockedBy', type: 'varchar', length: '36', isNullable: true },
          { name: 'lockedUntil', type: 'datetime', precision: 3, isNullable: true },
          { name: 'lastError', type: 'varchar', length: '500', isNullable: true },
        ],
      }),
    );
    await runner.createIndex(
      'outbox_events',
      new TableIndex({ name: 'idx_outbox_pending', columnNames: ['deliveredAt', 'availableAt'] }),
    );
    await runner.createTable(
      new Table({
        name: 'processed_events',
        columns: [
          { name: 'eventId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'topic', type: 'varchar', length: '100' },
          { name: 'processedAt', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('processed_events');
    await runner.dropTable('outbox_events');
  }
}
