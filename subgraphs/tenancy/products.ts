import { z } from 'zod';
import { PRODUCTS, type Product as CatalogueProduct } from '../../shared/auth/catalogue';
import { inTransaction } from '../../shared/data/database';
import { audit } from '../../shared/events/audit';
import { notFound } from '../../shared/runtime/errors';
import { uuid, validate } from '../../shared/runtime/validation';
import type { TenancyContext } from './context';
import { ClientEntity, ClientProductEntity } from './entities';
import type { MutationSetClientProductsArgs, Product } from './generated/resolvers-types';
import { authorize } from './policy';

/** Catalogue products (shared/auth/catalogue.ts) are lower case; GraphQL's Product enum is upper case. */
const GRAPHQL_PRODUCTS: Record<CatalogueProduct, Product> = {
  core: 'CORE',
  people: 'PEOPLE',
  assessments: 'ASSESSMENTS',
  billing: 'BILLING',
  compliance: 'COMPLIANCE',
};

/** Products as GraphQL names them; anything the catalogue no longer knows is left out. */
export const toGraphQLProducts = (products: readonly string[]): Product[] =>
  products.flatMap((product) => (product in GRAPHQL_PRODUCTS ? [GRAPHQL_PRODUCTS[product as CatalogueProduct]] : []));

/** A list of GraphQL products as the catalogue's keys: lower case, each once, sorted. */
export const productsInput = z
  .array(z.enum(['CORE', 'PEOPLE', 'ASSESSMENTS', 'BILLING', 'COMPLIANCE']))
  .max(PRODUCTS.length * 2)
  .transform((products) => [...new Set(products.map((product) => product.toLowerCase()))].sort());

/** Replaces the products a client uses (client-level: a partner needs FULL access). */
export async function setClientProducts(
  context: TenancyContext,
  { clientId, products }: MutationSetClientProductsArgs,
): Promise<string> {
  const { db, access } = context;
  validate(uuid, clientId);
  const list = validate(z.object({ products: productsInput }), { products }).products;
  const client = await db.getRepository(ClientEntity).findOneBy({ id: clientId });
  if (!client) throw notFound('Client', clientId);
  await authorize(access, 'client.setProducts', { client });
  return inTransaction(db, async (manager) => {
    const before = (await manager.findBy(ClientProductEntity, { clientId })).map((row) => row.product).sort();
    await manager.delete(ClientProductEntity, { clientId });
    if (list.length)
      await manager.insert(
        ClientProductEntity,
        list.map((product) => ({ clientId, product })),
      );
    if (before.join(',') !== list.join(',')) {
      await audit(manager, context, {
        action: 'CLIENT_PRODUCTS_SET',
        targetType: 'Client',
        targetId: clientId,
        organizationId: clientId,
        before: { products: before },
        after: { products: list },
      });
    }
    return clientId;
  });
}
