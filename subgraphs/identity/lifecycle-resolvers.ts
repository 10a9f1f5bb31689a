import type { IdentityContext } from './context';
import type { UserEntity } from './entities';
import {
  activateAccount,
  deactivateUser,
  inviteUser,
  reactivateUser,
  repairUser,
  requestNewActivationLink,
  resendInvitation,
  revokeInvitation,
  signUp,
} from './lifecycle';

type UserArgs = { userId: string };

/** Invitations, activation, sign-up and user administration (merged into resolvers.ts). */
export const lifecycleResolvers = {
  Mutation: {
    // The other subgraphs learn of the new person before the answer: the caller's next step (a role,
    // a project) is checked against their copy.
    inviteUser: async (_: unknown, args: { organizationId: string; input: unknown }, context: IdentityContext) => {
      const user = await inviteUser(context.db, context.services.lifecycle, context, args);
      await context.flushEvents();
      return user;
    },
    resendInvitation: (_: unknown, { userId }: UserArgs, context: IdentityContext) =>
      resendInvitation(context.db, context.services.lifecycle, context, userId),
    revokeInvitation: (_: unknown, { userId }: UserArgs, context: IdentityContext) =>
      revokeInvitation(context.db, context, userId),
    activateAccount: (_: unknown, args: { token: string; password?: string | null }, context: IdentityContext) =>
      activateAccount(context.db, context, args.token, args.password),
    requestNewActivationLink: (_: unknown, { email }: { email: string }, context: IdentityContext) =>
      requestNewActivationLink(context.db, context.services.lifecycle, context, email),
    signUp: (_: unknown, { input }: { input: unknown }, context: IdentityContext) =>
      signUp(context.db, context.services.lifecycle, context, input),
    deactivateUser: (_: unknown, { userId }: UserArgs, context: IdentityContext) =>
      deactivateUser(context.db, context.services.lifecycle, context, userId),
    reactivateUser: (_: unknown, { userId }: UserArgs, context: IdentityContext) =>
      reactivateUser(context.db, context.services.lifecycle, context, userId),
    repairUser: (_: unknown, { userId }: UserArgs, context: IdentityContext) =>
      repairUser(context.db, context.services.lifecycle, context, userId),
  },
  User: {
    accountIds: (user: UserEntity, _: unknown, { loaders }: IdentityContext) => loaders.accountIdsOfUser.load(user.id),
  },
};
