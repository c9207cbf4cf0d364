/**
 * TEST DOUBLES ONLY: in-memory implementations of the bot ports for the specs in
 * bot/. Not product code; the lead implements these ports on the database.
 */
import type { PlannedReminder } from '../../src/domain/reminders/reminder.model.js';
import type {
  BotBackend,
  BotPerson,
  ConversationStore,
  DeadlineSummary,
  Delivery,
  DeliveryStore,
  MeetingSummary,
  NewDelivery,
  Recipient,
  RecipientDirectory,
  Result,
  StoredConversation,
  TaskSummary,
} from '../bot.ports.js';

export class MemoryConversationStore implements ConversationStore {
  readonly rows = new Map<string, StoredConversation>();
  async save(c: StoredConversation) {
    this.rows.set(c.conversationId, c);
  }
  async remove(id: string) {
    this.rows.delete(id);
    for (const [k, c] of this.rows) if (c.teamId === id) this.rows.delete(k);
  }
  async findPersonal(aad: string) {
    return [...this.rows.values()].find((c) => c.kind === 'personal' && c.aadObjectId === aad) ?? null;
  }
  async findChannel(ch: string) {
    return [...this.rows.values()].find((c) => c.kind === 'channel' && c.teamsChannelId === ch) ?? null;
  }
  async findTeam(teamId: string) {
    return [...this.rows.values()].find((c) => c.kind === 'team' && c.teamId === teamId) ?? null;
  }
}

export class MemoryDeliveryStore implements DeliveryStore {
  readonly rows = new Map<string, Delivery>();
  private readonly byKey = new Map<string, string>();
  async addPending(rows: NewDelivery[]) {
    let n = 0;
    for (const r of rows) {
      const k = `${r.key}|${r.recipientId}`;
      if (this.byKey.has(k)) continue;
      this.byKey.set(k, r.id);
      this.rows.set(r.id, { ...r, state: 'pending', attempts: 0 });
      n++;
    }
    return n;
  }
  private open(d: Delivery) {
    return d.state === 'pending' || d.state === 'retrying';
  }
  async due(now: string, limit: number) {
    const out: Delivery[] = [];
    for (const d of this.rows.values()) {
      if (out.length >= limit) break;
      if (this.open(d) && d.notBefore <= now && (!d.claimedUntil || d.claimedUntil <= now)) out.push({ ...d });
    }
    return out;
  }
  async nextDueAt() {
    let min: string | null = null;
    for (const d of this.rows.values()) {
      if (!this.open(d)) continue;
      const at = d.claimedUntil && d.claimedUntil > d.notBefore ? d.claimedUntil : d.notBefore;
      if (min === null || at < min) min = at;
    }
    return min;
  }
  async claim(id: string, now: string, until: string) {
    const d = this.rows.get(id);
    if (!d || !this.open(d) || (d.claimedUntil && d.claimedUntil > now)) return null;
    d.claimedUntil = until;
    d.attempts++;
    return { ...d };
  }
  private set(id: string, patch: Partial<Delivery>) {
    const d = this.rows.get(id);
    if (!d) throw new Error(`no delivery ${id}`);
    Object.assign(d, patch, { claimedUntil: undefined });
  }
  async markSent(id: string, at: string, route: Delivery['route'], remoteId?: string) {
    this.set(id, { state: 'sent', sentAt: at, route, remoteId });
  }
  async markSending(id: string, at: string) {
    const d = this.rows.get(id);
    if (!d) throw new Error(`no delivery ${id}`);
    d.sendStartedAt = at;
  }
  async markRetrying(id: string, notBefore: string, status: number, error: string) {
    this.set(id, { state: 'retrying', notBefore, lastStatus: status, lastError: error, sendStartedAt: undefined });
  }
  async markFailed(id: string, status: number, error: string) {
    this.set(id, { state: 'failed', lastStatus: status, lastError: error });
  }
  async markUnsupported(id: string, reason: string) {
    this.set(id, { state: 'unsupported', lastError: reason });
  }
  async listFailed(filter?: { forumId?: string }) {
    return [...this.rows.values()].filter((d) => d.state === 'failed' && (!filter?.forumId || d.reminder.forumId === filter.forumId));
  }
}

export class MemoryDirectory implements RecipientDirectory {
  readonly people = new Map<string, Recipient>();
  readonly channels = new Map<string, { teamId: string; teamsChannelId: string }>();
  async person(id: string) {
    return this.people.get(id) ?? null;
  }
  async forumChannel(forumId: string) {
    return this.channels.get(forumId) ?? null;
  }
}

/** A small forum world with one deadline clock; answers like the use cases would. */
export class MemoryBackend implements BotBackend {
  readonly people = new Map<string, BotPerson & { aad: string; tenant: string }>();
  readonly meetings = new Map<string, Omit<MeetingSummary, 'myAnswer' | 'substituteName'>>();
  readonly answers = new Map<string, { answer: MeetingSummary['myAnswer']; substituteName?: string; note?: string }>();
  readonly tasks = new Map<string, TaskSummary & { assignee: string }>();
  readonly items: { personId: string; meetingId: string; title: string }[] = [];
  readonly remarks: { personId: string; meetingId: string; text: string }[] = [];
  deadlines: DeadlineSummary[] = [];
  constructor(public now: () => string) {}

  async personByAadObjectId(aad: string, tenant: string) {
    const p = [...this.people.values()].find((x) => x.aad === aad && x.tenant === tenant);
    return p ? { personId: p.personId, displayName: p.displayName, locale: p.locale } : null;
  }
  private view(meetingId: string, personId?: string): MeetingSummary | null {
    const m = this.meetings.get(meetingId);
    if (!m) return null;
    const a = personId ? this.answers.get(`${meetingId}|${personId}`) : undefined;
    return { ...m, myAnswer: a?.answer ?? null, substituteName: a?.substituteName };
  }
  async nextMeeting(personId: string) {
    const m = [...this.meetings.values()].filter((x) => x.status === 'planned').sort((a, b) => a.date.localeCompare(b.date))[0];
    return m ? this.view(m.meetingId, personId) : null;
  }
  async myDeadlines() {
    return this.deadlines;
  }
  async myTasks(personId: string) {
    return [...this.tasks.values()].filter((t) => t.assignee === personId);
  }
  private closed(deadline: string | undefined): Result<object> | null {
    return deadline && this.now() > deadline ? { ok: false, refused: 'after_deadline', deadline } : null;
  }
  async answerAttendance(personId: string, meetingId: string, answer: MeetingSummary['myAnswer'] & string, substituteName?: string, note?: string) {
    const m = this.meetings.get(meetingId);
    if (!m) return { ok: false as const, refused: 'not_found' as const };
    const late = this.closed(m.answerDeadline);
    if (late && !late.ok) return late;
    this.answers.set(`${meetingId}|${personId}`, { answer, substituteName, ...(note ? { note } : {}) });
    return { ok: true as const, meeting: this.view(meetingId, personId)! };
  }
  async proposeItem(personId: string, meetingId: string, item: { title: string; description: string }) {
    const m = this.meetings.get(meetingId);
    if (!m) return { ok: false as const, refused: 'not_found' as const };
    const late = this.closed(m.itemsCutoff);
    if (late && !late.ok) return late;
    this.items.push({ personId, meetingId, title: item.title });
    return { ok: true as const, itemId: `item-${this.items.length}` };
  }
  async remark(personId: string, meetingId: string, text: string) {
    const m = this.meetings.get(meetingId);
    if (!m) return { ok: false as const, refused: 'not_found' as const };
    const late = this.closed(m.remarksUntil);
    if (late && !late.ok) return late;
    this.remarks.push({ personId, meetingId, text });
    return { ok: true as const, remarkId: `remark-${this.remarks.length}` };
  }
  async completeTask(personId: string, taskId: string) {
    const t = this.tasks.get(taskId);
    if (!t) return { ok: false as const, refused: 'not_found' as const };
    if (t.assignee !== personId) return { ok: false as const, refused: 'not_allowed' as const };
    t.status = 'done';
    return { ok: true as const, task: t };
  }
  describeCalls = 0;
  async describeReminder(r: Pick<PlannedReminder, 'kind' | 'forumId' | 'meetingId' | 'taskId'>, personId?: string) {
    this.describeCalls++;
    const meeting = r.meetingId ? this.view(r.meetingId, personId) ?? undefined : undefined;
    const task = r.taskId ? this.tasks.get(r.taskId) : undefined;
    if ((r.meetingId && !meeting) || (r.taskId && !task)) return null;
    return { forumName: meeting?.forumName ?? task?.forumName ?? `Forum ${r.forumId}`, meeting, task };
  }
}
