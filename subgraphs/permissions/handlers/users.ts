import type { EventHandlers } from '../../../shared/outbox';

/** Handlers of identity's user events (UserCreated, UserRepairRequested). */
export const userHandlers: EventHandlers = {};
