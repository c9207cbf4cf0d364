/** Importing a kommissorium from the Word document a secretariat already has (issue 8). */
import type { AppModule } from './app.js';
import { termsImportRoutes } from './http/routes/terms-import.routes.js';

export const termsImportModule: AppModule = {
  name: 'terms-import',
  routes: (ctx) => termsImportRoutes(ctx),
};
