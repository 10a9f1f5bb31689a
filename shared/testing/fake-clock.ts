import type { Clock } from '../runtime/clock';

/**
 * A clock that stands still until the test moves it. Give it to the graph (startTestGraph({ clock }))
 * and every service reads the same time: months pass without sleeping.
 */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves the clock forward (or back, with a negative amount) by `ms` milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }

  set(date: Date): void {
    this.current = date.getTime();
  }
}
