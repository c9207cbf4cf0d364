/**
 * `npm ci` refuses a lockfile that lacks an entry for any optional dependency,
 * and this workplace's registry does not serve some other-platform packages, so
 * `npm install` drops them. scripts/lockfile-platforms.mjs puts them back; this
 * test fails when someone forgot to run it.
 */
import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';

describe('package-lock.json', () => {
  it('has an entry for every optional dependency (run node scripts/lockfile-platforms.mjs after npm install)', () => {
    const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { optionalDependencies?: Record<string, string> }> };
    const missing: string[] = [];
    for (const [path, meta] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(meta.optionalDependencies ?? {})) {
        const nested = `${path ? `${path}/` : ''}node_modules/${dep}`;
        if (!lock.packages[nested] && !lock.packages[`node_modules/${dep}`]) missing.push(`${dep} (wanted by ${path || 'the root'})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
