import { DateTimeScalar } from '../../../shared/runtime/scalars';
import type { Resolvers } from '../generated/resolvers-types';
import { Client } from './Client';
import { DataSubjectRequest } from './DataSubjectRequest';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { User } from './User';

/** Compliance's resolver map, typed from its schema (npm run codegen). */
export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Client,
  User,
  DataSubjectRequest,
};
