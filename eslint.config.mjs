import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * What may import what (docs/architecture.md): shared/ is a library under the subgraphs, the gateway
 * and graph/, and inside it each layer builds only on the layers below it.
 */
const ABOVE_SHARED = {
  regex: '^(\\.\\./)+(subgraphs|gateway|graph)(/|$)',
  message: 'shared/ is a library: it imports nothing from subgraphs/, gateway/ or graph/ (docs/architecture.md).',
};
const SHARED_LAYERS = {
  runtime: ['auth', 'data', 'events', 'subgraph', 'testing'],
  auth: ['data', 'events', 'subgraph', 'testing'],
  data: ['auth', 'events', 'subgraph', 'testing'],
  events: ['subgraph', 'testing'],
  subgraph: ['testing'],
};
const sharedBoundaries = (layer, forbidden) => ({
  files: [`shared/${layer}/**`],
  ignores: ['**/__tests__/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ABOVE_SHARED,
          {
            regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
            message: `shared/${layer}/ builds only on the layers below it; it does not import shared/{${forbidden.join(',')}}/ (docs/architecture.md).`,
          },
        ],
      },
    ],
  },
});

/**
 * A subgraph whose access is decided by its policy (docs/authorization.md): only policy.ts asks
 * `Access` for permissions, scopes and tiers, nothing reads the legacy guard helpers, and resolvers
 * read through loaders and change through use cases, never touching the database themselves.
 */
const ACCESS_QUERIES = {
  selector: 'CallExpression[callee.property.name=/^(can|canAll|permissionsIn|scopeIn|tierIn)$/]',
  message:
    "Access decisions live in the subgraph's policy.ts (docs/authorization.md): call authorize or a visibility rule there.",
};
const LEGACY_GUARD = {
  regex: 'shared/auth/guard$',
  message:
    "The legacy guard helpers read the token's per-organisation map: decide through context.access in policy.ts.",
};
const policyBoundaries = (name) => [
  {
    files: [`subgraphs/${name}/**`],
    ignores: [`subgraphs/${name}/policy.ts`, `subgraphs/${name}/__tests__/**`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [LEGACY_GUARD] }],
      'no-restricted-syntax': ['error', ACCESS_QUERIES],
    },
  },
  {
    files: [`subgraphs/${name}/resolvers/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'typeorm', message: 'Resolvers read through loaders.ts and change through use cases.' }],
          patterns: [LEGACY_GUARD],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ACCESS_QUERIES,
        {
          selector: "MemberExpression[property.name='db']",
          message: 'Resolvers never touch context.db: reads go through loaders.ts, writes through use cases.',
        },
        {
          selector: "ObjectPattern > Property[key.name='db']",
          message: 'Resolvers never touch context.db: reads go through loaders.ts, writes through use cases.',
        },
      ],
    },
  },
];

export default tseslint.config(
  // generated/: written by `npm run codegen` (codegen.ts) and checked by codegen:check, never by hand.
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '**/generated/**'] },
  js.configs.recommended,
  // Type-aware: the rules see what TypeScript knows (promises, thenables, any), through the project's tsconfig.json.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // In recommendedTypeChecked already; named here because they are why the rules are type-aware.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    rules: {
      // `async` here marks a function that fulfils an async contract (Apollo plugin hooks, setup(),
      // stop()); demanding an `await` inside each would only add Promise.resolve() noise.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/__tests__/**'],
    rules: {
      // Jest's asymmetric matchers (expect.any, expect.arrayContaining) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  // Plain JavaScript configuration and scripts are outside the TypeScript project.
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['shared/**'], rules: { 'no-restricted-imports': ['error', { patterns: [ABOVE_SHARED] }] } },
  ...Object.entries(SHARED_LAYERS).map(([layer, forbidden]) => sharedBoundaries(layer, forbidden)),
  ...policyBoundaries('tenancy'),
  {
    files: ['scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
