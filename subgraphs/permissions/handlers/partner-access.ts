import type { EventHandlers } from '../../../shared/outbox';

/** Handlers of tenancy's partner-access events (PartnerAccessChanged). */
export const partnerAccessHandlers: EventHandlers = {};
