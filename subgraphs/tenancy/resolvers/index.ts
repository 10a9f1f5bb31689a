import { DateTimeScalar } from '../../../shared/runtime/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { Account } from './Account';
import { Client } from './Client';
import { CompanyProfile } from './CompanyProfile';
import { Integration } from './Integration';
import { Mutation } from './Mutation';
import { Organization } from './Organization';
import { Partner } from './Partner';
import { PartnerGrant } from './PartnerGrant';
import { PartnerInvitation } from './PartnerInvitation';
import { Project } from './Project';
import { ProjectParticipant } from './ProjectParticipant';
import { Query } from './Query';

/** Tenancy's resolver map, typed from its schema (npm run codegen). */
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Organization,
  Partner,
  Client,
  CompanyProfile,
  Integration,
  Project,
  ProjectParticipant,
  PartnerInvitation,
  PartnerGrant,
  Account,
};
