/**
 * Responses that are not JSON: documents, pages, feeds and attachments
 * (described in the OpenAPI document by their content type), and "no content".
 */
import { z } from 'zod';

export const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file or page answered as `contentTypes` (the first one is the usual). */
export function fileResponse(description: string, ...contentTypes: string[]) {
  // Typed as what the route sends (bytes or text): Fastify never serializes a buffer or a non-JSON string.
  const body = z.string().meta({ format: 'binary' }) as unknown as z.ZodType<string | Uint8Array>;
  return { description, content: Object.fromEntries(contentTypes.map((t) => [t, { schema: body }])) };
}

export const docxResponse = (description = 'The Word document') => fileResponse(description, docxType);
export const htmlResponse = (description = 'The page (HTML)') => fileResponse(description, 'text/html');
/** An attachment: the file as uploaded, with its own content type. */
export const anyFileResponse = (description = 'The file, with its own content type') => fileResponse(description, 'application/octet-stream');
/** 204: done, nothing to answer. */
export const noContent = (description = 'Done; no content') => z.null().describe(description) as unknown as z.ZodType<void>;

/**
 * Responses described for the OpenAPI document only: the handler's replies are not
 * typed against them (public pages return the reply; the Graph webhook answers
 * 200, 202, 400, 403 or 503 with no body).
 */
export const describedOnly = (responses: Record<number | string, unknown>): Record<string, unknown> => responses;
