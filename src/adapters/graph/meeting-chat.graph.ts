/**
 * MeetingChatPort on Graph: the chat of the Teams meeting an Outlook event carries,
 * and an Adaptive Card posted into it.
 *
 * 1. GET /users/{organizer}?$select=id: the organizer's object id (onlineMeetings are
 *    addressed by it in app-only calls).
 * 2. GET /users/{id}/onlineMeetings?$filter=JoinWebUrl eq '{join url}' -> chatInfo.threadId,
 *    the id of the meeting's chat.
 * 3. POST /chats/{thread id}/messages with the card as an attachment
 *    (body `<attachment id="…"></attachment>`, content the card as a JSON string).
 *
 * The contract (graph-v1.0-subset.openapi.json) has no GET of a chat's messages, so
 * "posted already?" cannot be asked of Graph: the caller records the attempt and the
 * message id, and the post is sent at most once here (`once`: a lost connection or a
 * 504 is not retried by the pipeline; throttling is). The card's attachment id is the
 * caller's marker.
 *
 * Permissions (src/adapters/graph/permissions.ts): OnlineMeetings.Read.All narrowed by
 * a Teams application access policy to the organizer mailboxes, and ChatMessage.Send.Chat
 * by resource-specific consent (only chats of meetings Samraad was added to).
 */
import { type ChatCard, type MeetingChatPort } from '../../usecases/ports/m365.port.js';
import { toM365Error, type GraphHttp } from './graph.pipeline.js';

const enc = encodeURIComponent;
/** The organizer is not a user (or has no such meeting): no chat to post into. */
const NOT_THERE = new Set([400, 403, 404]);

export function createGraphMeetingChat(http: GraphHttp): MeetingChatPort {
  return {
    async threadOf(organizer, joinUrl) {
      const u = await http.request<{ id?: string }>({ method: 'GET', path: `/users/${enc(organizer)}?$select=id` });
      if (NOT_THERE.has(u.status)) return null;
      if (u.status !== 200 || typeof u.body?.id !== 'string') throw toM365Error({ method: 'GET', path: '/users/{id}' }, u);
      const filter = `JoinWebUrl eq '${joinUrl.replace(/'/g, "''")}'`;
      const r = await http.request<{ value?: { chatInfo?: { threadId?: string | null } | null }[] }>({
        method: 'GET',
        path: `/users/${enc(u.body.id)}/onlineMeetings?$filter=${enc(filter)}`,
      });
      if (NOT_THERE.has(r.status)) return null;
      if (r.status !== 200) throw toM365Error({ method: 'GET', path: '/users/{id}/onlineMeetings' }, r);
      return r.body?.value?.[0]?.chatInfo?.threadId ?? null;
    },

    async postCard(chatId, { summary, card, marker }: ChatCard) {
      const attachmentId = marker ?? 'samraad-card';
      const r = await http.json<{ id: string }>({
        method: 'POST',
        path: `/chats/${enc(chatId)}/messages`,
        // A repeated post is a second message: not resent when it may have reached Graph (the caller decides).
        once: true,
        body: {
          summary,
          body: { contentType: 'html', content: `<attachment id="${attachmentId}"></attachment>` },
          attachments: [{ id: attachmentId, contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(card) }],
        },
      });
      return { messageId: r.body.id };
    },
  };
}
