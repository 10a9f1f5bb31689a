/**
 * LIKE patterns that mean the same on SQLite and MySQL. The escape character is '!', because a
 * backslash inside a MySQL string literal is itself an escape and breaks `ESCAPE '\'`.
 */
export const LIKE_ESCAPE = "ESCAPE '!'";

export const escapeLike = (value: string): string => value.replace(/[!%_]/g, (char) => `!${char}`);

/** Matches values that start with `value` (compare against a lower-cased column). */
export const likePrefix = (value: string): string => `${escapeLike(value.trim().toLowerCase())}%`;

/** Matches values that contain `value` anywhere. */
export const likeContaining = (value: string): string => `%${escapeLike(value)}%`;
