/**
 * Self-enrolment: a person with an email at a client's corporate domain signs up themselves, where
 * the client allows it, and confirms the address with an activation link. Public.
 */
import { In } from 'typeorm';
import { z } from 'zod';
import { audit } from '../../shared/events/audit';
import { inTransaction, isUniqueViolation } from '../../shared/data/database';
import { forbidden } from '../../shared/runtime/errors';
import { displayName, emailAddress, validate } from '../../shared/runtime/validation';
import type { SignUpInput, SignUpResult } from './generated/resolvers-types';
import type { IdentityContext } from './context';
import { ClientEmailDomainEntity, ClientSettingsEntity, UserEntity } from './entities';
import { hashPassword } from './passwords';
import { authorize } from './policy';
import { checkPasswordPolicy } from './activation';
import { issueActivationLink, sendActivationMail, type ActivationLink } from './activation-links';
import { domainOf, insertInvitedUser } from './people';

const personName = displayName(100);
const signUpInput = z.object({
  email: emailAddress,
  password: z.string(),
  firstName: personName,
  lastName: personName,
});

/** The client whose corporate domains include the email's and which allows self-enrollment, if any. */
async function enrollingClient(context: IdentityContext, email: string): Promise<string | null> {
  const rows = await context.db.getRepository(ClientEmailDomainEntity).findBy({ domain: domainOf(email) });
  if (rows.length === 0) return null;
  const settings = await context.db
    .getRepository(ClientSettingsEntity)
    .findBy({ clientId: In(rows.map((row) => row.clientId)), selfEnrollment: true, status: 'ACTIVE' });
  // A domain claimed by two clients that both allow sign-up is ambiguous: refuse rather than guess.
  return settings.length === 1 ? settings[0].clientId : null;
}

/** Creates an INVITED employee of the client and emails a link to confirm the address. */
export async function signUp(context: IdentityContext, rawInput: SignUpInput): Promise<SignUpResult> {
  await authorize(context.access, 'account.signUp', null);
  const input = validate(signUpInput, rawInput);
  const clientId = await enrollingClient(context, input.email);
  if (!clientId) throw forbidden('Sign-up is not open for this email domain; ask your organisation for an invitation');
  const password = checkPasswordPolicy(input.password, input.email);
  const answer = { email: input.email, activationRequired: true };
  const existing = await context.db.getRepository(UserEntity).findOneBy({ email: input.email });
  if (existing) {
    // Same answer as a new sign-up; the owner of the address learns it already has an account.
    // Not awaited, like the link of a new sign-up would be slower: the timing must not tell the two apart.
    void context.services.mail.mailer
      .send({
        to: input.email,
        subject: 'Your Tenantry account',
        text: `Hello ${existing.firstName},\n\nSomeone (maybe you) tried to sign up with this email address, which already has an account. Sign in, or ask for a new activation link if you never activated it.`,
      })
      .catch((error: unknown) => context.logger.warn({ err: error }, 'sign-up notice could not be sent'));
    return answer;
  }
  const passwordHash = await hashPassword(password);
  const { now } = context;
  let sent: { user: UserEntity; link: ActivationLink };
  try {
    sent = await inTransaction(context.db, async (manager) => {
      const user = await insertInvitedUser(
        manager,
        {
          organizationId: clientId,
          organizationKind: 'CLIENT',
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          kind: 'EMPLOYEE',
          accessLevel: null,
          passwordHash,
          accountIds: [],
        },
        now,
      );
      const link = await issueActivationLink(manager, user, { createdBy: null, partnerId: null }, now);
      await audit(manager, context, {
        actorId: user.id,
        action: 'USER_SELF_ENROLLED',
        targetType: 'User',
        targetId: user.id,
        organizationId: clientId,
        before: null,
        after: { email: user.email, kind: 'EMPLOYEE' },
      });
      return { user, link };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return answer;
    throw error;
  }
  await sendActivationMail(context.services.mail, context.logger, { ...sent, selfEnrolled: true });
  return answer;
}
