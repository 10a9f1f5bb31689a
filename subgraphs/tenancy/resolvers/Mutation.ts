import { notFound } from '../../../shared/runtime/errors';
import { createAccount, moveAccount, renameAccount } from '../accounts';
import { createClient, setClientStatus } from '../clients';
import type { TenancyContext } from '../context';
import type { MutationResolvers } from '../generated/resolvers-types';
import { setIntegration } from '../integrations';
import { deletePartnerInvitation, invitePartner, resendPartnerInvitation } from '../partner-invitations';
import { cancelPartnership, respondToPartnerInvitation } from '../partnerships';
import { setClientProducts } from '../products';
import { updateCompanyProfile } from '../profile';
import { createProject, joinProject } from '../projects';

/** The client a mutation changed, read again for its answer as the caller sees it. */
async function changedClient({ loaders }: TenancyContext, clientId: string) {
  return (await loaders.client(clientId)) ?? Promise.reject(notFound('Client', clientId));
}

/** Every write is a use case; each calls policy.ts's authorize before it changes anything. */
export const Mutation: MutationResolvers = {
  createClient: (_, args, context) => createClient(context, args),
  suspendClient: (_, args, context) => setClientStatus(context, args, 'SUSPENDED'),
  reactivateClient: (_, args, context) => setClientStatus(context, args, 'ACTIVE'),
  updateCompanyProfile: async (_, args, context) => changedClient(context, await updateCompanyProfile(context, args)),
  setIntegration: (_, args, context) => setIntegration(context, args),
  setClientProducts: async (_, args, context) => changedClient(context, await setClientProducts(context, args)),
  createProject: (_, args, context) => createProject(context, args),
  joinProject: (_, args, context) => joinProject(context, args),
  createAccount: (_, args, context) => createAccount(context, args),
  renameAccount: (_, args, context) => renameAccount(context, args),
  moveAccount: (_, args, context) => moveAccount(context, args),
  invitePartner: (_, args, context) => invitePartner(context, args),
  respondToPartnerInvitation: (_, args, context) => respondToPartnerInvitation(context, args),
  resendPartnerInvitation: (_, { invitationId }, context) => resendPartnerInvitation(context, invitationId),
  deletePartnerInvitation: (_, { invitationId }, context) => deletePartnerInvitation(context, invitationId),
  cancelPartnership: (_, args, context) => cancelPartnership(context, args),
};
