import { z } from 'zod';
import { badInput } from './errors';

/** Human names and titles: trimmed, 1..max characters, no control characters (any script, emoji welcome). */
export const displayName = (max = 200) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    // eslint-disable-next-line no-control-regex
    .refine((value) => !/[\u0000-\u001f\u007f-\u009f]/.test(value), 'must not contain control characters');

/** A DNS label: lowercase letters, digits and inner hyphens, at most 63 characters. */
export const dnsLabel = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'must be a DNS label: 1-63 lowercase letters, digits or inner hyphens',
  );

export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .email('must be a valid email address');

export const uuid = z.string().uuid('must be a valid id');

/** Parses input with a schema; the first problem becomes a BAD_USER_INPUT naming the field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join('.');
  throw badInput(field ? `${field} ${issue.message}` : issue.message, field || undefined);
}
