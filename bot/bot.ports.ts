/**
 * The bot's doors to the rest of Samraad. The ports themselves live in
 * src/usecases/ports (bot-backend, conversations, deliveries), so the use cases
 * never depend on bot/; this file only gathers them for the bot's own files.
 */
export type * from '../src/usecases/ports/bot-backend.port.js';
export type * from '../src/usecases/ports/conversations.port.js';
export type * from '../src/usecases/ports/deliveries.port.js';
