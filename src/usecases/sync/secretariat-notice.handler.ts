/**
 * Job 'm365.secretariat-notice' {meetingId, mailbox}: when a secretary (or anyone
 * with the organizer's mailbox) cancels a forum meeting in Outlook, the calendar
 * delta cancels it in Samraad and enqueues this job in the same transaction. It
 * tells the forum's secretariat by e-mail (Graph sendMail from the organizer
 * mailbox), in Danish with English below, so nobody learns of it only from a
 * missing calendar entry.
 *
 * The same job (`about: 'created_in_outlook'`) asks the secretariat to confirm or
 * reject a meeting a secretary made in Outlook under the forum's category.
 *
 * Idempotent: a 'notice' sync record marks it sent, so a retry after success sends
 * nothing. A crash between the send and that record can send it twice (at least
 * once, never lost), like every outside effect without a transactional receiver.
 */
import { JOB, type JobPayload } from '../ports/jobs.port.js';
import { localToday } from '../../domain/calendar/working-day.calendar.js';
import { isActiveOn, secretariatRoles } from '../../domain/registry/registry.model.js';
import { formatLocalDate } from '../../domain/documents/danish-format.js';
import type { SyncDeps } from './sync.ports.js';
import { escapeHtml as esc } from '../../domain/documents/html-escape.js';

export type SecretariatNoticeJob = JobPayload<typeof JOB.secretariatNotice>;


export async function runSecretariatNotice(deps: SyncDeps, job: SecretariatNoticeJob): Promise<{ sent: boolean; to: string[] }> {
  const created = job.about === 'created_in_outlook';
  const key = `${created ? 'created' : 'cancelled'}:${job.meetingId}`;
  const plan = await deps.transact(async ({ sync, meetings, registry }) => {
    const done = await sync.get('notice', key);
    if (done?.status === 'synced') return undefined;
    const meeting = await meetings.getMeeting(job.meetingId);
    if (!meeting) return undefined;
    const forum = await registry.getForum(meeting.forumId);
    const today = localToday(deps.clock);
    const secretariat = (await registry.listMemberships({ forumId: meeting.forumId })).filter((m) => secretariatRoles.includes(m.role) && isActiveOn(m, today));
    const people = await Promise.all(secretariat.map((m) => registry.getPerson(m.personId)));
    const to = [...new Set(people.flatMap((p) => (p?.email ? [p.email] : [])))];
    await sync.begin('notice', key, meeting.forumId);
    return { meeting, forumName: forum?.name ?? meeting.forumId, to };
  });
  if (!plan) return { sent: false, to: [] };
  const { meeting, forumName, to } = plan;
  if (to.length) {
    const date = formatLocalDate(meeting.date, 'da');
    const dateEn = formatLocalDate(meeting.date, 'en');
    const link = `${deps.settings.publicUrl}/#/meetings/${encodeURIComponent(meeting.id)}`;
    if (created) {
      const title = meeting.title ? ` (${meeting.title})` : '';
      await deps.m365.mail.sendMail({
        from: job.mailbox,
        to,
        subject: `Nyt møde i ${forumName} ${date} fra Outlook: bekræft eller afvis`,
        html:
          `<p>Et møde i <strong>${esc(forumName)}</strong>${esc(title)} ${esc(date)} kl. ${esc(meeting.start)}–${esc(meeting.end)} blev oprettet i Outlook i kalenderen ${esc(job.mailbox)} ` +
          `med forummets kategori. Samraad har oprettet mødet med frister og påmindelser og inviteret forummets medlemmer. ` +
          `Sekretariatet bekræfter eller afviser mødet på mødesiden; et afvist møde aflyses.</p>` +
          `<p><a href="${esc(link)}">Åbn mødet i Samraad for at bekræfte eller afvise</a></p><hr>` +
          `<p lang="en">A meeting of ${esc(forumName)}${esc(title)} on ${esc(dateEn)} at ${esc(meeting.start)}–${esc(meeting.end)} was created in Outlook in the calendar ${esc(job.mailbox)} ` +
          `with the forum's category. Samraad has made it a meeting with deadlines and reminders and invited the forum's members. ` +
          `The secretariat confirms or rejects it on the meeting page; a rejected meeting is cancelled.</p>`,
        saveToSentItems: true,
      });
      await deps.transact(({ sync }) => sync.record('notice', key, { detail: { to, mailbox: job.mailbox } }, 'synced'));
      return { sent: true, to };
    }
    await deps.m365.mail.sendMail({
      from: job.mailbox,
      to,
      subject: `Mødet i ${forumName} ${date} er aflyst i Outlook`,
      html:
        `<p>Mødet i <strong>${esc(forumName)}</strong> ${esc(date)} kl. ${esc(meeting.start)} blev aflyst i Outlook af arrangøren. ` +
        `Samraad har aflyst mødet og dets frister. Sekretariatet bør orientere medlemmerne og eventuelt finde en ny dato.</p>` +
        `<p><a href="${esc(link)}">Åbn mødet i Samraad</a></p><hr>` +
        `<p lang="en">The meeting of ${esc(forumName)} on ${esc(dateEn)} at ${esc(meeting.start)} was cancelled in Outlook by its organizer. ` +
        `Samraad has cancelled the meeting and its deadlines. The secretariat should tell the members and perhaps find a new date.</p>`,
      saveToSentItems: true,
    });
  }
  await deps.transact(({ sync }) => sync.record('notice', key, { detail: { to, mailbox: job.mailbox } }, 'synced'));
  return { sent: to.length > 0, to };
}
