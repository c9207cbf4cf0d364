/**
 * The emulator's read-only page (GET /): channels, Outlook events and files the app
 * made, and the messages posted into Teams meeting chats, so a person running `npm start` can see them. Danish labels with the English
 * in brackets; plain semantic HTML (headings, captions, scoped header cells) so it
 * reads well with a screen reader. Times are shown in Danish local time.
 */
import { meetingThreadId, toUtc } from './graph.routes.js';
import type { EmuChatMessage, EmulatorState } from './state.store.js';

const esc = (v: unknown): string =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const local = (dt: unknown): string => {
  const u = toUtc(dt as { dateTime?: unknown; timeZone?: unknown });
  return u ? u.setZone('Europe/Copenhagen').setLocale('da').toFormat('EEE d. MMM yyyy HH:mm') : '';
};

const localInstant = (iso: string): string => local({ dateTime: iso, timeZone: 'UTC' });

/** What a chat message says: its Adaptive Cards' text blocks (and action titles), or the body without markup. */
function messageText(msg: EmuChatMessage): string {
  const parts: string[] = [];
  for (const a of msg.attachments) {
    if (a.contentType !== 'application/vnd.microsoft.card.adaptive' || !a.content) continue;
    try {
      const card = JSON.parse(a.content) as { body?: { text?: unknown }[]; actions?: { title?: unknown }[] };
      for (const b of card.body ?? []) if (typeof b.text === 'string') parts.push(b.text.replace(/\\\./g, '.'));
      for (const x of card.actions ?? []) if (typeof x.title === 'string') parts.push(`[${x.title}]`);
    } catch {
      parts.push('(kort der ikke kan læses / unreadable card)');
    }
  }
  const body = msg.body.content.replace(/<attachment[^>]*><\/attachment>/g, '').replace(/<[^>]+>/g, ' ').trim();
  if (body) parts.unshift(body);
  return parts.join(' · ');
}

function table(caption: string, headers: string[], rows: string[][]): string {
  if (rows.length === 0) return `<p><em>Ingen endnu (none yet)</em></p>`;
  return `<table><caption>${caption}</caption><thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function renderStatePage(state: EmulatorState, stats: { failures: number; requests: number }): string {
  const channels = Object.values(state.teams).flatMap((t) =>
    Object.values(t.channels).map((c) => [
      esc(c.displayName),
      esc(t.id),
      c.membershipType === 'private' ? 'Privat (private)' : 'Standard (standard)',
      esc(c.members.length),
      esc(c.tabs.map((x) => x.displayName).join(', ')),
      c.isArchived || /^arkiveret/i.test(c.description ?? '') ? 'Arkiveret (archived)' : 'Aktiv (active)',
    ]),
  );
  const events = Object.values(state.mailboxes).flatMap((m) =>
    Object.values(m.events)
      .sort((a, b) => (toUtc(a.start as never)?.toMillis() ?? 0) - (toUtc(b.start as never)?.toMillis() ?? 0))
      .map((e) => [
        esc(e.subject),
        esc(local(e.start)),
        esc(local(e.end)),
        esc(m.key),
        esc(
          ((e.attendees as { emailAddress?: { address?: string; name?: string }; status?: { response?: string } }[] | undefined) ?? [])
            .map((a) => `${a.emailAddress?.name ?? a.emailAddress?.address}${a.status?.response && a.status.response !== 'none' ? ` (${a.status.response})` : ''}`)
            .join(', '),
        ),
        esc(((e.categories as string[] | undefined) ?? []).join(', ')),
        esc((m.attachments?.[e.id] ?? []).map((a) => `${a.name} (${a.size} B)`).join(', ')),
      ]),
  );
  const cancelled = Object.values(state.mailboxes).flatMap((m) => m.cancellations.map((c) => [esc(c.subject), esc(m.key), esc(c.comment ?? ''), esc(c.at)]));
  const files = Object.values(state.drives).flatMap((d) => {
    const pathOf = (id: string | null): string => {
      const parts: string[] = [];
      let cur = id ? d.items[id] : undefined;
      while (cur && cur.id !== 'root') {
        parts.unshift(cur.name);
        cur = cur.parentId ? d.items[cur.parentId] : undefined;
      }
      return parts.join(' / ');
    };
    return Object.values(d.items)
      .filter((i) => !i.isFolder)
      .map((i) => [esc(i.name), esc(pathOf(i.parentId)), esc(i.size), esc(i.versions.length), esc(Object.entries(i.fields).map(([k, v]) => `${k}: ${String(v)}`).join('; '))]);
  });
  const mails = state.mail.map((m) => [
    esc(m.message.subject),
    esc(m.from),
    esc(((m.message.toRecipients as { emailAddress?: { address?: string } }[] | undefined) ?? []).map((r) => r.emailAddress?.address).join(', ')),
    esc(m.at),
  ]);
  // The meeting chats' messages: which meeting (the event whose Teams meeting has that chat), when, and what the card says.
  const meetingOfThread = new Map<string, string>();
  for (const m of Object.values(state.mailboxes)) for (const e of Object.values(m.events)) meetingOfThread.set(meetingThreadId(m.key, e.id), `${String(e.subject ?? '')} (${local(e.start)})`);
  const chatMessages = Object.entries(state.chats ?? {}).flatMap(([chatId, msgs]) =>
    msgs.map((msg) => [esc(meetingOfThread.get(chatId) ?? chatId), esc(localInstant(msg.createdDateTime)), esc(msg.summary ?? ''), esc(messageText(msg))]),
  );
  const userApps = Object.values(state.userApps ?? {}).map((a) => [esc(a.userId), esc(a.teamsAppId), esc(a.chatId), esc(a.installedAt)]);
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Graph-emulator: hvad appen har lavet (what the app made)</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;background:#fff;line-height:1.4}
table{border-collapse:collapse;margin:0 0 2rem;width:100%}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #8a8a8a;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#ececec}
</style>
</head>
<body>
<header><h1>Lokal Microsoft Graph-emulator <span lang="en">(local Microsoft Graph emulator)</span></h1>
<p>Skrivebeskyttet visning af kanaler, Outlook-begivenheder, mødechats og filer, som Samraad har oprettet. <span lang="en">(Read-only view.)</span>
Forespørgsler (requests): ${stats.requests}. Kontraktfejl (contract failures): ${stats.failures}.</p></header>
<main>
<section aria-labelledby="h-channels"><h2 id="h-channels">Kanaler <span lang="en">(channels)</span></h2>
${table('Teams-kanaler (Teams channels)', ['Navn (name)', 'Team', 'Type', 'Medlemmer (members)', 'Faner (tabs)', 'Status'], channels)}</section>
<section aria-labelledby="h-events"><h2 id="h-events">Møder i Outlook <span lang="en">(Outlook events)</span></h2>
${table('Begivenheder (events)', ['Emne (subject)', 'Start (start)', 'Slut (end)', 'Postkasse (mailbox)', 'Deltagere og svar (attendees and answers)', 'Kategorier (categories)', 'Vedhæftet (attachments)'], events)}
<h3>Aflyste møder <span lang="en">(cancelled events)</span></h3>
${table('Aflysninger (cancellations)', ['Emne (subject)', 'Postkasse (mailbox)', 'Kommentar (comment)', 'Tidspunkt (time)'], cancelled)}</section>
<section aria-labelledby="h-chats"><h2 id="h-chats">Beskeder i mødechats <span lang="en">(Teams meeting chat messages)</span></h2>
${table('Mødechats (meeting chats)', ['Møde (meeting)', 'Sendt (posted)', 'Resumé (summary)', 'Indhold (content)'], chatMessages)}</section>
<section aria-labelledby="h-files"><h2 id="h-files">Filer i SharePoint <span lang="en">(files)</span></h2>
${table('Dokumenter (documents)', ['Navn (name)', 'Mappe (folder)', 'Størrelse i byte (size in bytes)', 'Versioner (versions)', 'Metadata'], files)}</section>
<section aria-labelledby="h-mail"><h2 id="h-mail">Sendt e-mail <span lang="en">(sent mail)</span></h2>
${table('E-mails', ['Emne (subject)', 'Fra (from)', 'Til (to)', 'Sendt (sent)'], mails)}</section>
<section aria-labelledby="h-apps"><h2 id="h-apps">Appen installeret for brugere <span lang="en">(app installed for users)</span></h2>
${table('Personlige installationer (personal installations)', ['Bruger (user)', 'App', 'Chat', 'Installeret (installed)'], userApps)}</section>
</main>
</body>
</html>`;
}
