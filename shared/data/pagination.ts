import { badInput } from '../runtime/errors';

/** Documented page-size limits for every connection (README, "Lists"). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  first: number;
  /** Decoded cursor: the sort value and id of the last row of the previous page. */
  after: { sort: string; id: string } | null;
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
