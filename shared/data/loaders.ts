import DataLoader from 'dataloader';
import { In, type ObjectLiteral, type Repository } from 'typeorm';

/**
 * A per-request loader of rows by primary key: every key asked for in one tick becomes one
 * `WHERE id IN (...)` statement. Missing rows load as null.
 */
export function rowsById<T extends ObjectLiteral & { id: string }>(repository: Repository<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await repository.findBy({ id: In([...ids]) } as never);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A per-request loader of all rows whose `column` equals each key, in one statement per tick. */
export function rowsByColumn<T extends ObjectLiteral>(repository: Repository<T>, column: keyof T & string, order?: Partial<Record<keyof T & string, 'ASC' | 'DESC'>>): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await repository.find({ where: { [column]: In([...keys]) } as never, order: order as never });
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(String(row[column]))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
