import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from './errors';

/** ISO-8601 date-time in UTC; accepted as a string, returned as a string. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO-8601 date-time in UTC, e.g. 2026-11-23T18:49:50.000Z',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new TypeError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue(value) {
    return parseDate(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('DateTime must be a string');
    return parseDate(ast.value);
  },
});

function parseDate(value: unknown): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value)) {
    throw badInput('DateTime must be an ISO-8601 string');
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw badInput('DateTime is not a valid date');
  return date;
}
