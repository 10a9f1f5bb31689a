import type { MutationResolvers } from '../generated/resolvers-types';
import { recordConsent, withdrawConsent } from '../consent';
import { requestDataExport, requestErasure } from '../data-subject-requests';
import { updateRetentionPolicy } from '../retention-policy';
import { runRetentionSweep } from '../sweep';

/** Writes go through the use cases, each of which asks policy.authorize before it changes anything. */
export const Mutation: MutationResolvers = {
  updateRetentionPolicy: (_parent, { clientId, input }, context) => updateRetentionPolicy(context, clientId, input),
  recordConsent: (_parent, args, context) => recordConsent(context, args),
  withdrawConsent: (_parent, { consentId }, context) => withdrawConsent(context, consentId),
  runRetentionSweep: async (_parent, args, context) => {
    const report = await runRetentionSweep(context, args);
    // Soft-deleted people must be hidden on the caller's next request: deliver before answering.
    await context.flushEvents();
    return report;
  },
  requestDataExport: (_parent, { userId }, context) => requestDataExport(context, userId),
  requestErasure: async (_parent, { userId }, context) => {
    const request = await requestErasure(context, userId);
    // The erased person must be gone everywhere on the caller's next request.
    await context.flushEvents();
    return request;
  },
};
