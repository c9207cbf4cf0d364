/** The rules engine's surfaces as a feature module: planning, meetings, deadlines, rotation, composition, årshjul. */
import { planningTransactor } from '../adapters/db/planning.unit-of-work.js';
import type { AppModule } from './app.js';
import { planningRoutes } from './http/routes/planning.routes.js';

export const planningModule: AppModule = {
  name: 'planning',
  routes: (ctx) => {
    const { database, queue, clock, ids } = ctx.deps;
    return planningRoutes(ctx, { transact: planningTransactor(database, queue), clock, ids });
  },
};
