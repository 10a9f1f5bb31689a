import 'reflect-metadata';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { rowsByColumn, rowsById } from '../loaders';
import { QueryCounter } from '../database';

// Two small tables of the test's own: the loaders know nothing of any subgraph's entities.
@Entity('clients')
class ClientEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
}

@Entity('accounts')
class AccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) clientId: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
}

describe('per-request loaders', () => {
  let db: DataSource;
  const counter = new QueryCounter();

  beforeAll(async () => {
    db = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [ClientEntity, AccountEntity], synchronize: true, logger: counter, logging: true });
    await db.initialize();
    await db.getRepository(ClientEntity).insert(Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, name: `Client ${i}` })));
    await db.getRepository(AccountEntity).insert(Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, clientId: `c${i % 10}`, name: `Account ${i}` })));
  });
  afterAll(() => db.destroy());

  it('batches every id asked for in one tick into one statement and keeps the order of the keys', async () => {
    const loader = rowsById(db.getRepository(ClientEntity));
    const before = counter.count;
    const rows = await Promise.all(['c3', 'c1', 'missing', 'c9'].map((id) => loader.load(id)));
    expect(counter.count - before).toBe(1);
    expect(rows.map((row) => row?.id ?? null)).toEqual(['c3', 'c1', null, 'c9']);
  });

  it('groups rows by a column in one statement, with an empty list for keys without rows', async () => {
    const loader = rowsByColumn(db.getRepository(AccountEntity), 'clientId', { name: 'ASC' });
    const before = counter.count;
    const groups = await Promise.all(['c0', 'c5', 'none'].map((id) => loader.load(id)));
    expect(counter.count - before).toBe(1);
    expect(groups.map((group) => group.map((row) => row.id))).toEqual([['a0', 'a10', 'a20'], ['a15', 'a25', 'a5'], []]);
  });
});
