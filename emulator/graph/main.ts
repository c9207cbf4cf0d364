/**
 * `npm run emulator`: starts the local Graph emulator on GRAPH_EMULATOR_PORT (default
 * 3979), keeping its state in GRAPH_EMULATOR_DATA_FILE when set.
 */
import { startGraphEmulator } from './server.js';

const port = Number(process.env.GRAPH_EMULATOR_PORT ?? '3979');
const dataFile = process.env.GRAPH_EMULATOR_DATA_FILE;
const emulator = await startGraphEmulator({ port, ...(dataFile ? { dataFile } : {}) });
process.stdout.write(`Graph emulator on ${emulator.url} (Graph base ${emulator.graphBaseUrl}); page at ${emulator.url}/\n`);
const stop = (): void => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
