// Issue 14, point 7: no installed package may declare engines that exclude the Node
// version the project declares (package.json "engines.node", its minimum) or the one
// it runs on. npm only warns (EBADENGINE) and installs anyway, so a dependency bump
// that needs a newer Node goes unnoticed until something breaks at run time.
import { describe, it, expect } from '@jest/globals';
import { createRequire } from 'node:module';
import { read } from './project-files.js';

// semver is in the tree (npm's own range rules); it has no type declarations here.
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
  minVersion(range: string): { version: string } | null;
  validRange(range: string): string | null;
};

type LockEntry = { version?: string; engines?: Record<string, string> | string[]; link?: boolean };

const pkg = JSON.parse(read('package.json')) as { engines?: { node?: string } };
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockEntry> };
const declared = pkg.engines?.node ?? '';
const minimum = semver.validRange(declared) ? semver.minVersion(declared)?.version : undefined;

/** Installed packages (lockfile entries under node_modules) whose engines.node excludes `version`. */
function excluding(version: string): string[] {
  const bad: string[] = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (!where.includes('node_modules/') || entry.link) continue;
    const range = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
    if (!range) continue;
    if (!semver.satisfies(version, range, { includePrerelease: true })) bad.push(`${where.slice(where.lastIndexOf('node_modules/') + 13)}@${entry.version} (node ${range})`);
  }
  return bad.sort();
}

describe('dependency engines', () => {
  it('the project declares a Node range with a minimum', () => {
    expect(minimum).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("every installed package's engines.node includes the project's declared minimum Node", () => {
    expect(excluding(minimum!)).toEqual([]);
  });

  it("every installed package's engines.node includes the Node this runs on", () => {
    expect(semver.satisfies(process.versions.node, declared)).toBe(true);
    expect(excluding(process.versions.node)).toEqual([]);
  });
});
