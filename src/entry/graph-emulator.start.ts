/**
 * Development and tests only: the local Microsoft Graph emulator (emulator/graph) that
 * `npm start` runs with GRAPH_MODE=emulator in the process that runs the workers, on
 * GRAPH_EMULATOR_PORT, its state in DATA_DIR/graph-emulator.json. A web-only process
 * talks to the worker's. Production refuses GRAPH_MODE=emulator (src/config/production-guard.ts).
 */
import path from 'node:path';
import { startGraphEmulator, type GraphEmulator } from '../../emulator/graph/server.js';
import type { Config } from '../config/config.js';
import type { Logger } from './app.js';

/** `dataFile`: default DATA_DIR/graph-emulator.json; null keeps the state in memory. */
export async function startLocalGraphEmulator(config: Config, logger: Logger, dataFile?: string | null): Promise<GraphEmulator> {
  const file = dataFile === undefined ? path.join(config.dataDir, 'graph-emulator.json') : dataFile;
  let emulator: GraphEmulator;
  try {
    emulator = await startGraphEmulator({ port: config.graph.emulatorPort, ...(file ? { dataFile: file } : {}) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`The Graph emulator's port ${config.graph.emulatorPort} is in use: set GRAPH_EMULATOR_PORT to a free port (or GRAPH_MODE=off)`);
    }
    throw err;
  }
  logger.info(`Microsoft Graph emulator: ${emulator.url}/ shows the Teams channels, Outlook events and files Samraad made.`);
  return emulator;
}
