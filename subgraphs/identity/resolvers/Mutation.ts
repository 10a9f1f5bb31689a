import type { IdentityContext } from '../context';
import type { MutationResolvers } from '../generated/resolvers-types';
import { activateAccount, requestNewActivationLink } from '../activation';
import { deactivateUser, reactivateUser, repairUser } from '../administration';
import { signUp } from '../enrolment';
import { inviteUser, resendInvitation, revokeInvitation } from '../invitations';
import { createServiceAccount } from '../service-accounts';
import { issueServiceToken, login, logout, refreshSession } from '../sessions';

/**
 * Delivers the change's events before answering: the caller's next step is checked against the
 * other subgraphs' copies (a new person, a deactivation, a service account's user type).
 */
async function delivered<T>(context: IdentityContext, change: Promise<T>): Promise<T> {
  const result = await change;
  await context.flushEvents();
  return result;
}

export const Mutation: MutationResolvers = {
  login: (_, args, context) => login(context, args),
  refreshSession: (_, { refreshToken }, context) => refreshSession(context, refreshToken),
  logout: (_, __, context) => logout(context),
  issueServiceToken: (_, args, context) => issueServiceToken(context, args),
  createServiceAccount: (_, args, context) => delivered(context, createServiceAccount(context, args)),
  inviteUser: (_, args, context) => delivered(context, inviteUser(context, args)),
  resendInvitation: (_, { userId }, context) => resendInvitation(context, userId),
  revokeInvitation: (_, { userId }, context) => delivered(context, revokeInvitation(context, userId)),
  activateAccount: (_, args, context) => activateAccount(context, args),
  requestNewActivationLink: (_, { email }, context) => requestNewActivationLink(context, email),
  signUp: (_, { input }, context) => signUp(context, input),
  deactivateUser: (_, { userId }, context) => delivered(context, deactivateUser(context, userId)),
  reactivateUser: (_, { userId }, context) => delivered(context, reactivateUser(context, userId)),
  repairUser: (_, { userId }, context) => delivered(context, repairUser(context, userId)),
};
