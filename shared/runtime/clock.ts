/**
 * Where "now" comes from. Each service is built with one clock: the runtime takes a request's
 * `now` from it, and scheduled work (the retention sweep) reads it. Production uses the system
 * clock; tests hand the graph a FakeClock (shared/testing/fake-clock.ts) and move it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Adds calendar months in UTC; the day is clamped to the target month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
