import { DateTimeScalar } from '../../../shared/runtime/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { Client } from './Client';
import { ClientUsage } from './ClientUsage';
import { Mutation } from './Mutation';
import { Organization } from './Organization';
import { Partner } from './Partner';
import { Query } from './Query';
import { User } from './User';

/** Identity's resolver map, typed from its schema (npm run codegen). */
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  User,
  Organization,
  Partner,
  Client,
  ClientUsage,
};
