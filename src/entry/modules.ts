/**
 * The feature modules the server runs besides the registry: each adds routes,
 * job workers or background services. Listed here so main.ts stays small.
 */
import type { Config } from '../config/config.js';
import type { AppModule } from './app.js';
import { planningModule } from './planning.module.js';
import { syncModule } from './sync.module.js';
import { workflowModule } from './workflow.module.js';
import { botModule } from './bot.module.js';
import { termsImportModule } from './terms-import.module.js';

export async function appModules(_config: Config): Promise<AppModule[]> {
  const sync = syncModule();
  // Downloads ask the sync module's malware guard (a file SharePoint flagged is withheld everywhere).
  return [planningModule, sync, workflowModule({ safety: (deps) => sync.documentSafety(deps) }), termsImportModule, botModule()];
}
