/**
 * The resolver-map type of @apollo/subgraph. Its 2.14 line (the last that supports Node 20) exports
 * it only from a deep path; importing it here keeps that detail in one place.
 */
export type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
