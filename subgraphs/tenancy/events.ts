import type { EventHandlers } from '../../shared/events/outbox';
import { factHandlers } from '../../shared/subgraph/facts';
import { TENANCY_FACTS } from './migrations';
import { erasePerson, softDeletePerson } from './privacy';

/**
 * Every event tenancy receives: identity's PersonChanged keeps its copy of the people (who may take
 * part in a project, who may be named legal representative); compliance's soft deletion and erasure
 * take a person out of what tenancy holds (privacy.ts).
 */
export const tenancyEventHandlers: EventHandlers = {
  ...factHandlers(TENANCY_FACTS),
  PersonSoftDeleted: softDeletePerson,
  PersonErased: erasePerson,
};
