// Jest runs TypeScript directly through @swc/jest, as native ES modules
// (NODE_OPTIONS=--experimental-vm-modules is set by scripts/test.mjs).
import { existsSync } from 'node:fs';

const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    target: 'es2022',
    transform: { react: { runtime: 'automatic' } },
  },
  module: { type: 'es6' },
}];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  roots: ['src', 'bot', 'test', 'emulator', 'bench'].filter((d) => existsSync(d)).map((d) => `<rootDir>/${d}`),
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  // Hooks and tests on a loaded two-core machine (CI runs every suite at once) can need minutes to start a server.
  testTimeout: 180000,
  maxWorkers: 2,
};
