import { In, Not } from 'typeorm';
import { z } from 'zod';
import { audit } from '../../shared/events/audit';
import { inTransaction, isUniqueViolation } from '../../shared/data/database';
import { badInput, conflict, notFound } from '../../shared/runtime/errors';
import { publish } from '../../shared/events/outbox';
import { displayName, uuid, validate } from '../../shared/runtime/validation';
import { AccessPersonEntity } from '../../shared/subgraph/facts';
import type { TenancyContext } from './context';
import { COMPANY_SIZES, ClientEmailDomainEntity, ClientEntity, CompanyProfileEntity } from './entities';
import type { MutationUpdateCompanyProfileArgs } from './generated/resolvers-types';
import { authorize } from './policy';

/** ISO 3166-1 alpha-2: the 249 officially assigned codes. */
export const COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
    'DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT ' +
    'JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG ' +
    'NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ ' +
    'TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** A domain name: lower case, 2+ labels of letters, digits and inner hyphens, an alphabetic (or punycode) top level. */
export const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, 'must be at most 253 characters')
  .regex(
    /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/,
    'must be a domain name such as example.com',
  );

const optionalText = (max: number) => displayName(max).nullish();

const profileInput = z.object({
  legalName: optionalText(200),
  taxId: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(50, 'must be at most 50 characters')
    .regex(/^[A-Za-z0-9 ./-]+$/, 'may hold letters, digits, spaces, dots, slashes and hyphens')
    .nullish(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((value) => COUNTRY_CODES.has(value), 'must be an ISO 3166-1 alpha-2 country code')
    .nullish(),
  address: z
    .object({
      line1: optionalText(200),
      line2: optionalText(200),
      postalCode: optionalText(20),
      city: optionalText(100),
      region: optionalText(100),
    })
    .nullish(),
  industry: optionalText(100),
  size: z.enum(COMPANY_SIZES).nullish(),
  emailDomains: z
    .array(emailDomain)
    .max(50, 'may hold at most 50 domains')
    .transform((domains) => [...new Set(domains)].sort())
    .nullish(),
  logoUrl: z
    .string()
    .trim()
    .max(2000, 'must be at most 2000 characters')
    .url('must be a URL')
    .refine((value) => value.startsWith('https://'), 'must be an https URL')
    .nullish(),
  selfEnrollment: z.boolean().nullish(),
  legalRepresentativeId: uuid.nullish(),
});

export interface Completeness {
  complete: boolean;
  missingFields: string[];
}

/** Which required fields of a profile are missing (logo, address line 2 and region are optional). */
export function completeness(profile: CompanyProfileEntity | null, domains: string[]): Completeness {
  const required: Array<[string, unknown]> = [
    ['legalName', profile?.legalName],
    ['taxId', profile?.taxId],
    ['country', profile?.country],
    ['address.line1', profile?.addressLine1],
    ['address.postalCode', profile?.postalCode],
    ['address.city', profile?.city],
    ['industry', profile?.industry],
    ['size', profile?.size],
    ['emailDomains', domains.length ? domains : null],
    ['legalRepresentative', profile?.legalRepresentativeId],
  ];
  const missingFields = required.filter(([, value]) => value === null || value === undefined).map(([field]) => field);
  return { complete: missingFields.length === 0, missingFields };
}

/** A profile with nothing filled in yet; completeness lists every required field as missing. */
export const emptyProfile = (clientId: string, now: Date): CompanyProfileEntity => ({
  clientId,
  legalName: null,
  taxId: null,
  country: null,
  addressLine1: null,
  addressLine2: null,
  postalCode: null,
  city: null,
  region: null,
  industry: null,
  size: null,
  logoUrl: null,
  selfEnrollment: false,
  legalRepresentativeId: null,
  updatedAt: now,
  updatedBy: null,
});

/**
 * Updates the fields given (null clears one; emailDomains replaces the list). Publishes
 * ClientProfileChanged when the domains or self-enrollment change, for identity's sign-up.
 */
export async function updateCompanyProfile(
  context: TenancyContext,
  { clientId, input }: MutationUpdateCompanyProfileArgs,
): Promise<string> {
  const { db, access, now } = context;
  validate(uuid, clientId);
  const changes = validate(profileInput, input ?? {});
  const client = await db.getRepository(ClientEntity).findOneBy({ id: clientId });
  if (!client) throw notFound('Client', clientId);
  // The legal representative decides on partner access: only the client itself names one, among its own people.
  const representativeId = changes.legalRepresentativeId;
  await authorize(access, 'client.updateProfile', {
    client,
    representative: representativeId
      ? {
          id: representativeId,
          person: await db.getRepository(AccessPersonEntity).findOneBy({ userId: representativeId }),
        }
      : undefined,
  });
  try {
    return await inTransaction(db, async (manager) => {
      const current = (await manager.findOneBy(CompanyProfileEntity, { clientId })) ?? emptyProfile(clientId, now);
      const before = { ...current };
      const beforeDomains = (
        await manager.find(ClientEmailDomainEntity, { where: { clientId }, order: { domain: 'ASC' } })
      ).map((row) => row.domain);
      const set = <K extends keyof CompanyProfileEntity>(key: K, value: CompanyProfileEntity[K] | undefined): void => {
        if (value !== undefined) current[key] = value;
      };
      set('legalName', changes.legalName);
      set('taxId', changes.taxId);
      set('country', changes.country);
      if (changes.address === null)
        Object.assign(current, { addressLine1: null, addressLine2: null, postalCode: null, city: null, region: null });
      else if (changes.address) {
        set('addressLine1', changes.address.line1);
        set('addressLine2', changes.address.line2);
        set('postalCode', changes.address.postalCode);
        set('city', changes.address.city);
        set('region', changes.address.region);
      }
      set('industry', changes.industry);
      set('size', changes.size);
      set('logoUrl', changes.logoUrl);
      if (changes.selfEnrollment !== undefined && changes.selfEnrollment !== null)
        current.selfEnrollment = changes.selfEnrollment;
      set('legalRepresentativeId', changes.legalRepresentativeId);
      const domains = changes.emailDomains ?? beforeDomains;
      if (current.selfEnrollment && domains.length === 0)
        throw badInput('Self-enrollment needs at least one corporate email domain', 'selfEnrollment');
      if (changes.emailDomains) {
        const taken = domains.length
          ? await manager.findBy(ClientEmailDomainEntity, { domain: In(domains), clientId: Not(clientId) })
          : [];
        if (taken.length) throw conflict(`The email domain ${taken[0].domain} belongs to another client`);
        await manager.delete(ClientEmailDomainEntity, { clientId });
        if (domains.length)
          await manager.insert(
            ClientEmailDomainEntity,
            domains.map((domain) => ({ domain, clientId })),
          );
      }
      current.updatedAt = now;
      current.updatedBy = access.actorId;
      await manager.save(CompanyProfileEntity, current);
      const domainsChanged = domains.join(',') !== beforeDomains.join(',');
      if (domainsChanged || current.selfEnrollment !== before.selfEnrollment) {
        await publish(
          manager,
          'ClientProfileChanged',
          { clientId, emailDomains: domains, selfEnrollment: current.selfEnrollment },
          now,
        );
      }
      // Who may sign up and who decides on partner access are access matters: audit them.
      if (
        domainsChanged ||
        current.selfEnrollment !== before.selfEnrollment ||
        current.legalRepresentativeId !== before.legalRepresentativeId
      ) {
        await audit(manager, context, {
          action: 'COMPANY_PROFILE_ACCESS_CHANGED',
          targetType: 'Client',
          targetId: clientId,
          organizationId: clientId,
          before: {
            emailDomains: beforeDomains,
            selfEnrollment: before.selfEnrollment,
            legalRepresentativeId: before.legalRepresentativeId,
          },
          after: {
            emailDomains: domains,
            selfEnrollment: current.selfEnrollment,
            legalRepresentativeId: current.legalRepresentativeId,
          },
        });
      }
      return clientId;
    });
  } catch (error) {
    // Two clients raced for the same domain: the primary key decides.
    if (isUniqueViolation(error)) throw conflict('One of the email domains belongs to another client');
    throw error;
  }
}
