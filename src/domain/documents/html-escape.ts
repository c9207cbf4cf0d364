/** Text made safe for HTML content and attribute values: one escaper for every HTML the product writes (documents, public pages, Outlook bodies, e-mails). */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}
