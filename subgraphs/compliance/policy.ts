/**
 * Compliance's access decisions (docs/authorization.md, the rows "retention policy", "consent", "a
 * person's retention state", "data-subject requests", "audit log", "retention sweep"): `authorize`
 * for every write, and the visibility rules loaders.ts applies to every read. Nothing else in this
 * subgraph asks for permissions, reach or scopes.
 *
 * Compliance data is organisation-wide business: each rule needs the permission with the
 * organisation scope (an account-scoped manager or an external contact never has it, whatever their
 * user type holds). A person's data belongs to their HOME organisation, which compliance knows from
 * its copy of identity's people (PersonChanged), never from where the person takes part in projects.
 */
import type { Access } from '../../shared/auth/access';
import { forbidden, notFound } from '../../shared/runtime/errors';

/** A person as compliance decides about them (privacy.ts reads it from the people copy and the retention state). */
export interface Subject {
  userId: string;
  /** Home organisation from the people copy; null when identity has not announced the person (or no such person). */
  organizationId: string | null;
  /** Soft-deleted or erased (identity's copy or compliance's own retention state): invisible to everyone. */
  gone: boolean;
}

/** A consent record as the policy needs it: whose it is. */
export interface ConsentFact {
  id: string;
  userId: string;
}

/** What each write acts on. */
export interface ComplianceResources {
  /** updateRetentionPolicy (compliance.manage; client-level: partners need FULL). */
  'retention-policy.update': { clientId: string };
  /** recordConsent: the person, or compliance.manage in the person's home organisation. */
  'consent.record': Subject;
  /** withdrawConsent: as recordConsent, for the person the consent belongs to. */
  'consent.withdraw': { consentId: string; consent: ConsentFact | null; subject: Subject | null };
  /** runRetentionSweep: platform operators, and compliance's own schedule. */
  'retention.sweep': null;
  /** requestDataExport: the person, or compliance.export in the person's home organisation. */
  'data-subject.export': Subject;
  /** requestErasure: as an export. */
  'data-subject.erase': Subject;
}
export type ComplianceAction = keyof ComplianceResources;

const MANAGE = ['compliance.manage'];
const EXPORT = ['compliance.export'];
const OFFICER = ['compliance.manage', 'compliance.export'];

/** True when the caller holds one of `permissions` in the organisation, with the organisation scope there. */
async function holdsOrganizationWide(
  access: Access,
  organizationId: string,
  permissions: readonly string[],
): Promise<boolean> {
  if ((await access.scopeIn(organizationId)).kind !== 'organization') return false;
  const held = await access.permissionsIn(organizationId);
  return permissions.some((permission) => held.has(permission));
}

/** The caller is this person (a signed-in user; service accounts are not persons). */
const isPerson = (access: Access, userId: string): boolean =>
  access.principal.kind === 'user' && access.principal.userId === userId;

/**
 * The person's home organisation as far as the caller may act on it: null when they are gone or
 * unknown. A person not yet announced by identity is known only to themself (their token says
 * where they belong).
 */
function homeOf(access: Access, subject: Subject): string | null {
  if (subject.gone) return null;
  if (subject.organizationId) return subject.organizationId;
  return isPerson(access, subject.userId) ? access.homeOrganizationId : null;
}

// ---------------------------------------------------------------------------------------------
// Visibility: what loaders.ts lets through.

/** The caller reaches the client at all (the Client entity compliance extends). */
export async function maySeeClient(access: Access, clientId: string): Promise<boolean> {
  return (await access.reach(clientId)) !== null;
}

/** A client's retention policy: compliance.manage there, organisation-wide (partners: FULL, as it is client-level). */
export const mayReadRetentionPolicy = (access: Access, clientId: string): Promise<boolean> =>
  holdsOrganizationWide(access, clientId, MANAGE);

/** An organisation's audit log: audit.read there, organisation-wide (a partner through any grant lending it). */
export const mayReadAuditLog = (access: Access, organizationId: string): Promise<boolean> =>
  holdsOrganizationWide(access, organizationId, ['audit.read']);

/** A client's data-subject requests: compliance.export or compliance.manage there, organisation-wide. */
export const mayListDataSubjectRequests = (access: Access, clientId: string): Promise<boolean> =>
  holdsOrganizationWide(access, clientId, OFFICER);

/** The export document of a request: the person it is about, or compliance.export in their organisation. */
export async function mayReadExportDocument(
  access: Access,
  request: { userId: string; clientId: string },
): Promise<boolean> {
  return isPerson(access, request.userId) || holdsOrganizationWide(access, request.clientId, EXPORT);
}

/**
 * A person's compliance records (the `User` compliance resolves, their consents): the person
 * themself, or a compliance officer (manage or export) of their home organisation. Nobody sees a
 * soft-deleted or erased person.
 */
export async function maySeePerson(access: Access, subject: Subject): Promise<boolean> {
  const home = homeOf(access, subject);
  if (home === null) return false;
  return isPerson(access, subject.userId) || holdsOrganizationWide(access, home, OFFICER);
}

/** Where a person stands in retention: compliance officers of their home organisation only (not the person). */
export async function mayReadRetentionState(access: Access, subject: Subject): Promise<boolean> {
  const home = homeOf(access, subject);
  return home !== null && holdsOrganizationWide(access, home, OFFICER);
}

// ---------------------------------------------------------------------------------------------
// Writes.

/**
 * Decides a write before anything changes. Throws NOT_FOUND (`<Type> <id> was not found`, the same
 * for an unknown id and one the caller may not see) or FORBIDDEN (the caller sees the record but may
 * not do this). For the actions about a person it returns the person's home organisation, which the
 * change is recorded under.
 */
export async function authorize(
  access: Access,
  action: 'retention-policy.update',
  resource: ComplianceResources['retention-policy.update'],
): Promise<void>;
export async function authorize(access: Access, action: 'retention.sweep', resource: null): Promise<void>;
export async function authorize(
  access: Access,
  action: 'consent.record' | 'data-subject.export' | 'data-subject.erase',
  resource: Subject,
): Promise<string>;
export async function authorize(
  access: Access,
  action: 'consent.withdraw',
  resource: ComplianceResources['consent.withdraw'],
): Promise<string>;
export async function authorize(
  access: Access,
  action: ComplianceAction,
  resource: ComplianceResources[ComplianceAction],
): Promise<string | void> {
  switch (action) {
    case 'retention-policy.update': {
      const { clientId } = resource as ComplianceResources[typeof action];
      // Reading the policy needs what editing it needs: whoever may not edit it does not see it either.
      if (!(await mayReadRetentionPolicy(access, clientId))) throw notFound('Client', clientId);
      return;
    }
    case 'retention.sweep':
      if (!access.isOperator && !access.isSystem) throw forbidden('Only platform operators run the retention sweep');
      return;
    case 'consent.record':
      return actOnPerson(access, resource as Subject, MANAGE, 'User', (resource as Subject).userId);
    case 'consent.withdraw': {
      const { consentId, consent, subject } = resource as ComplianceResources[typeof action];
      if (!consent || !subject || subject.userId !== consent.userId) throw notFound('ConsentRecord', consentId);
      return actOnPerson(access, subject, MANAGE, 'ConsentRecord', consentId);
    }
    case 'data-subject.export':
    case 'data-subject.erase':
      return actOnPerson(access, resource as Subject, EXPORT, 'User', (resource as Subject).userId);
    default: {
      const unexpected: never = action;
      throw new Error(`No rule for ${String(unexpected)}`);
    }
  }
}

/**
 * The person themself may; otherwise a holder of `permissions` in the person's home organisation,
 * organisation-wide. Someone who cannot see the person gets NOT_FOUND for the record named.
 */
async function actOnPerson(
  access: Access,
  subject: Subject,
  permissions: readonly string[],
  type: string,
  id: string,
): Promise<string> {
  const home = homeOf(access, subject);
  if (home === null || !(await maySeePerson(access, subject))) throw notFound(type, id);
  if (isPerson(access, subject.userId) || (await holdsOrganizationWide(access, home, permissions))) return home;
  throw forbidden(`You need ${permissions.join(' or ')} in the person's organisation, or to be the person`);
}
