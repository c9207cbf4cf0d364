/**
 * `npm run cli -- <command> [options]`: the command-line entry point.
 * Each command lives in ./commands/<name>.ts and exports `command: CliCommand`.
 */
import type { CliCommand } from './cli.types.js';

const registry: Record<string, () => Promise<{ command: CliCommand }>> = {
  // Commands register here, one line each, loaded lazily so one slow import does not slow the others.
  'audit-archive': () => import('./commands/audit-archive.js'),
  'grant-tenant-admin': () => import('./commands/grant-tenant-admin.js'),
  'import-terms': () => import('./commands/import-terms.js'),
  year: () => import('./commands/year.js'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || !registry[name]) {
    const lines = ['Samraad CLI. Commands:'];
    for (const [n, load] of Object.entries(registry)) lines.push(`  ${n.padEnd(14)} ${(await load()).command.summary}`);
    process.stdout.write(lines.join('\n') + '\n');
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  const { command } = await registry[name]!();
  return command.run(rest, { stdout: process.stdout, stderr: process.stderr });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
