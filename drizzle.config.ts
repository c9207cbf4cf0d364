import { defineConfig } from 'drizzle-kit';

// Migrations are generated offline from src/adapters/db/schema.ts and applied at
// start on both PGlite and PostgreSQL (src/adapters/db/database.ts).
export default defineConfig({
  dialect: 'postgresql',
  // The registry's tables are in schema.ts; each feature area adds its own *.schema.ts.
  schema: ['./src/adapters/db/schema.ts', './src/adapters/db/*.schema.ts'],
  out: './src/adapters/db/migrations',
});
