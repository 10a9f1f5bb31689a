/* global process, console */
/**
 * Contender "apollo": stock @apollo/gateway + @apollo/server (startStandaloneServer), defaults
 * everywhere, over the benchmark's copy of the supergraph. The one addition: every subgraph request
 * carries the static internal token (BENCH_INTERNAL_TOKEN), since the subgraphs refuse requests
 * without one. It neither authenticates callers nor evaluates the authorization directives.
 *
 *   node apollo-gateway.mjs <supergraph file> <port>    (modules from BENCH_TOOLS/node_modules)
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [supergraphFile, port] = process.argv.slice(2);
const tools = createRequire(path.join(path.resolve(process.env.BENCH_TOOLS), 'package.json'));
const { ApolloGateway, RemoteGraphQLDataSource } = tools('@apollo/gateway');
const { ApolloServer } = tools('@apollo/server');
const { startStandaloneServer } = tools('@apollo/server/standalone');

const token = process.env.BENCH_INTERNAL_TOKEN;
if (!token) throw new Error('BENCH_INTERNAL_TOKEN must be set');

class StaticTokenDataSource extends RemoteGraphQLDataSource {
  willSendRequest({ request }) {
    request.http.headers.set('x-tenantry-internal-token', token);
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: fs.readFileSync(supergraphFile, 'utf8'),
  buildService: ({ url }) => new StaticTokenDataSource({ url }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
console.log(`stock Apollo gateway listening at ${url}`);
const stop = () => server.stop().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
