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

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  { files: ['shared/**'], rules: { 'no-restricted-imports': ['error', { patterns: [ABOVE_SHARED] }] } },
  ...Object.entries(SHARED_LAYERS).map(([layer, forbidden]) => sharedBoundaries(layer, forbidden)),
  {
    files: ['scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
