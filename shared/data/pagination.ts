import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { badInput } from '../runtime/errors';

/** Page-size limits of every connection (README, "Relay connections"). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  first: number;
  /** Decoded cursor: the sort value and id of the last row of the previous page. */
  after: { sort: string; id: string } | null;
}

/** The arguments every connection field takes. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return { first: size, after: after ? decodeCursor(after) : null };
}

export function encodeCursor(sort: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { sort: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { sort: value[0], id: value[1] };
    }
  } catch {
    // fall through to the coded error
  }
  throw badInput('after is not a valid cursor', 'after');
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** Builds a connection from `first + 1` fetched rows (the extra row only tells whether a next page exists). */
export function toConnection<T>(rows: T[], request: PageRequest, totalCount: number, cursorOf: (row: T) => string): Connection<T> {
  const page = rows.slice(0, request.first);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > request.first,
      hasPreviousPage: request.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/** What a keyset-paginated list is sorted by: one column, with the row's id breaking ties in the same direction. */
export interface KeysetOrder<T> {
  /** The sort column as `alias.property`, e.g. `client.name`; an index should start with it. */
  column: string;
  direction: 'ASC' | 'DESC';
  /** The row's sort value as the cursor carries it. */
  cursorValue(row: T): string;
  /** Turns the cursor's sort value into a query parameter (e.g. a Date for a datetime column); by default the string. */
  parameter?(value: string): unknown;
}

/**
 * One page of `base` in (column, id) order after the cursor, `first + 1` rows long (the extra row
 * only tells whether a next page exists). Stable under inserts, and no OFFSET scan: the plain bound
 * on the sort column lets the index seek straight to the cursor, and the id decides ties there.
 */
export function keysetQuery<T extends ObjectLiteral>(base: SelectQueryBuilder<T>, page: PageRequest, order: KeysetOrder<T>): SelectQueryBuilder<T> {
  const id = `${base.alias}.id`;
  const rows = base.clone().orderBy(order.column, order.direction).addOrderBy(id, order.direction).take(page.first + 1);
  if (page.after) {
    const after = { keysetSort: order.parameter ? order.parameter(page.after.sort) : page.after.sort, keysetId: page.after.id };
    const [bound, beyond] = order.direction === 'ASC' ? ['>=', '>'] : ['<=', '<'];
    rows
      .andWhere(`${order.column} ${bound} :keysetSort`, after)
      .andWhere(new Brackets((qb) => qb.where(`${order.column} ${beyond} :keysetSort`, after).orWhere(`${id} ${beyond} :keysetId`, after)));
  }
  return rows;
}

/** A connection over `base` (filtered, unordered): the keyset page of `page` and the total count of `base`. */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(base: SelectQueryBuilder<T>, page: PageRequest, order: KeysetOrder<T>): Promise<Connection<T>> {
  const totalCount = await base.clone().getCount();
  const rows = page.first === 0 ? [] : await keysetQuery(base, page, order).getMany();
  return toConnection(rows, page, totalCount, (row) => encodeCursor(order.cursorValue(row), row.id));
}
