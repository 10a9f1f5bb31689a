import type { Config } from 'jest';

// SWC strips types without checking them (`npm run typecheck` does that), which keeps the suite fast.
const transform: Config['transform'] = { '^.+\\.(ts|js)$': ['@swc/jest', {}] };
// jose ships ES modules only; the services load it through Node's require(esm), Jest needs it compiled.
const transformIgnorePatterns = ['/node_modules/(?!jose/)'];

const config: Config = {
  // Integration files start five real servers and seed databases; give slow CI machines room.
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/**/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.int\\.test\\.ts$'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/**/__tests__/**/*.int.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
  ],
};

export default config;
