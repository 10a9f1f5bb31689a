/* global process */
/**
 * Contenders "hive" and "hive-nodedup": Hive Gateway (`hive-gateway supergraph <file>`) with its
 * defaults, plus the static internal token (BENCH_INTERNAL_TOKEN) sent to every subgraph through
 * the documented propagateHeaders hook. It neither authenticates callers nor evaluates the
 * authorization directives.
 *
 * HIVE_DEDUP=0 turns off the HTTP executor's in-flight deduplication, on by default: under a load
 * of identical operations with one static token it sends concurrent identical subgraph requests
 * once, which Tenantry (a token per subgraph request) and stock Apollo never do.
 */
const token = process.env.BENCH_INTERNAL_TOKEN;
if (!token) throw new Error('BENCH_INTERNAL_TOKEN must be set');

export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: () => ({ 'x-tenantry-internal-token': token }),
  },
  ...(process.env.HIVE_DEDUP === '0'
    ? { transportEntries: { '*': { options: { deduplicateInflightRequests: false } } } }
    : {}),
};
