import { randomUUID } from 'node:crypto';
import {
  Column,
  Entity,
  Index,
  PrimaryColumn,
  type DataSource,
  type EntityManager,
  LessThan,
  IsNull,
  In,
} from 'typeorm';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { SubgraphName } from '../runtime/config';
import { EVENT_ROUTES, type DeliveredEvent, type EventPayloads, type EventTopic } from './events';
import { inTransaction, isUniqueViolation } from '../data/database';
import { INTERNAL_TOKEN_HEADER, type InternalTokens } from '../auth/internal-token';

/** One row per (event, destination): written in the transaction of the change that caused it. */
@Entity('outbox_events')
@Index('idx_outbox_pending', ['deliveredAt', 'availableAt'])
export class OutboxEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 36 }) eventId: string;
  @Column({ type: 'varchar', length: 100 }) topic: string;
  @Column({ type: 'varchar', length: 50 }) destination: string;
  @Column({ type: 'text' }) payload: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3 }) availableAt: Date;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'datetime', precision: 3, nullable: true }) deliveredAt: Date | null;
  @Column({ type: 'varchar', length: 36, nullable: true }) lockedBy: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) lockedUntil: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) lastError: string | null;
}

/** The subscriber's record of applied event ids: the primary key makes "apply once" hold across replicas. */
@Entity('processed_events')
export class ProcessedEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 }) eventId: string;
  @Column({ type: 'varchar', length: 100 }) topic: string;
  @Column({ type: 'datetime', precision: 3 }) processedAt: Date;
}

export const OUTBOX_ENTITIES = [OutboxEvent, ProcessedEvent];

/**
 * Stores an event for every subscribing subgraph, inside the caller's transaction. `now` (the
 * service's clock) dates the event; delivery runs on real time (see availableAt).
 */
export async function publish<T extends EventTopic>(
  manager: EntityManager,
  topic: T,
  payload: EventPayloads[T],
  now: Date,
): Promise<string> {
  const eventId = randomUUID();
  const rows = EVENT_ROUTES[topic].map((destination) =>
    manager.create(OutboxEvent, {
      id: randomUUID(),
      eventId,
      topic,
      destination,
      payload: JSON.stringify(payload),
      createdAt: now,
      // Deliverable at once in real time, even when the change was dated by a moved clock.
      availableAt: new Date(),
      attempts: 0,
      deliveredAt: null,
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
    }),
  );
  if (rows.length > 0) await manager.insert(OutboxEvent, rows);
  return eventId;
}

export interface RelayOptions {
  dataSource: DataSource;
  source: SubgraphName;
  destinations: Partial<Record<SubgraphName, string>>;
  tokens: InternalTokens;
  logger: Logger;
  batchSize?: number;
  intervalMs?: number;
  /** How long a claimed batch stays reserved for this replica before another may take it over. */
  leaseMs?: number;
  fetchImpl?: typeof fetch;
}

/**
 * Delivers outbox rows at least once. Replicas claim batches with a lease (an UPDATE guarded by the
 * previous lease), so two relays never deliver the same row at the same time, and a relay that died
 * mid-batch leaves rows that another picks up when the lease runs out.
 */
export class OutboxRelay {
  private readonly relayId = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(private readonly options: RelayOptions) {}

  start(): void {
    this.stopped = false;
    // Each pass catches its own failure, so the timers start ticks they need not wait for.
    const tick = async (): Promise<void> => {
      if (this.stopped) return;
      await this.runOnce().catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'outbox relay pass failed'),
      );
      if (!this.stopped) this.timer = setTimeout(() => void tick(), this.options.intervalMs ?? 500);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass: claims a batch, delivers it, returns how many rows were delivered. */
  runOnce(): Promise<number> {
    if (!this.running) {
      this.running = this.deliverBatch().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  /** Runs passes until nothing deliverable is left (tests and shutdown use this). */
  async drain(maxPasses = 100): Promise<number> {
    let total = 0;
    for (let pass = 0; pass < maxPasses; pass += 1) {
      const delivered = await this.runOnce();
      total += delivered;
      if (delivered === 0) break;
    }
    return total;
  }

  private async deliverBatch(): Promise<number> {
    const { dataSource, batchSize = 50, leaseMs = 30_000 } = this.options;
    // Leases and back-off run on real time, not the service's clock: they coordinate processes, and
    // a test that moves the clock must still see its events delivered at once.
    const now = new Date();
    const candidates = await dataSource.getRepository(OutboxEvent).find({
      select: { id: true },
      where: [
        { deliveredAt: IsNull(), availableAt: LessThan(new Date(now.getTime() + 1)), lockedUntil: IsNull() },
        { deliveredAt: IsNull(), availableAt: LessThan(new Date(now.getTime() + 1)), lockedUntil: LessThan(now) },
      ],
      order: { createdAt: 'ASC' },
      take: batchSize,
    });
    if (candidates.length === 0) return 0;
    const leaseUntil = new Date(now.getTime() + leaseMs);
    await inTransaction(dataSource, (manager) =>
      manager
        .createQueryBuilder()
        .update(OutboxEvent)
        .set({ lockedBy: this.relayId, lockedUntil: leaseUntil })
        .where({ id: In(candidates.map((row) => row.id)), deliveredAt: IsNull() })
        .andWhere('(lockedUntil IS NULL OR lockedUntil < :now)', { now })
        .execute(),
    );
    const claimed = await dataSource.getRepository(OutboxEvent).find({
      where: { lockedBy: this.relayId, deliveredAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
    let delivered = 0;
    for (const row of claimed) {
      if (this.stopped && delivered > 0) break;
      const error = await this.deliver(row);
      await inTransaction(dataSource, (manager) =>
        error === null
          ? manager.update(
              OutboxEvent,
              { id: row.id },
              { deliveredAt: new Date(), lockedBy: null, lockedUntil: null, lastError: null },
            )
          : manager.update(
              OutboxEvent,
              { id: row.id },
              {
                attempts: row.attempts + 1,
                // Exponential back-off, capped at five minutes, so a subscriber that is down is not hammered.
                availableAt: new Date(Date.now() + Math.min(300_000, 500 * 2 ** Math.min(row.attempts, 10))),
                lockedBy: null,
                lockedUntil: null,
                lastError: error.slice(0, 500),
              },
            ),
      );
      if (error === null) delivered += 1;
      else
        this.options.logger.warn(
          { eventId: row.eventId, topic: row.topic, destination: row.destination, error },
          'event delivery failed; will retry',
        );
    }
    return delivered;
  }

  private async deliver(row: OutboxEvent): Promise<string | null> {
    const url = this.options.destinations[row.destination as SubgraphName];
    if (!url) return `no URL configured for destination ${row.destination}`;
    const body: DeliveredEvent = {
      eventId: row.eventId,
      topic: row.topic as EventTopic,
      payload: JSON.parse(row.payload) as EventPayloads[EventTopic],
      occurredAt: row.createdAt.toISOString(),
      source: this.options.source,
    };
    try {
      const token = await this.options.tokens.sign({ kind: 'system', service: this.options.source }, row.destination);
      const response = await (this.options.fetchImpl ?? fetch)(`${url}/internal/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
}

/**
 * What a subgraph does with each topic it receives, inside the transaction that records the event
 * as processed. `now` is the receiving service's clock, read once for the event (as a request's).
 */
export type EventHandlers = {
  [T in EventTopic]?: (
    manager: EntityManager,
    payload: EventPayloads[T],
    event: DeliveredEvent<T>,
    now: Date,
  ) => Promise<void>;
};

const deliveredEventSchema = z.object({
  eventId: z.string().uuid(),
  topic: z.string().min(1).max(100),
  payload: z.record(z.string(), z.unknown()),
  occurredAt: z.string(),
  source: z.string(),
});

export type ApplyResult = 'applied' | 'duplicate' | 'ignored';

/**
 * Applies a delivered event once: the processed_events row and the handler's changes commit together,
 * so a redelivery after a crash finds the id and does nothing.
 */
export async function applyEvent(
  dataSource: DataSource,
  handlers: EventHandlers,
  body: unknown,
  now: Date,
): Promise<ApplyResult> {
  const event = deliveredEventSchema.parse(body) as DeliveredEvent;
  const handler = handlers[event.topic] as
    ((m: EntityManager, p: unknown, e: DeliveredEvent, now: Date) => Promise<void>) | undefined;
  if (!handler) return 'ignored';
  if (await dataSource.getRepository(ProcessedEvent).existsBy({ eventId: event.eventId })) return 'duplicate';
  try {
    await inTransaction(dataSource, async (manager) => {
      await manager.insert(ProcessedEvent, { eventId: event.eventId, topic: event.topic, processedAt: now });
      await handler(manager, event.payload, event, now);
    });
    return 'applied';
  } catch (error) {
    // Two replicas received the same event at once: the loser's insert hits the primary key.
    if (
      isUniqueViolation(error) &&
      (await dataSource.getRepository(ProcessedEvent).existsBy({ eventId: event.eventId }))
    )
      return 'duplicate';
    throw error;
  }
}
