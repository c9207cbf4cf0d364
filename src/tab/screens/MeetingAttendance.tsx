/**
 * The attendance tab: every person's answer as one of four explicit states (not
 * answered, attending, apologies, substitute: a registered stand-in or a named
 * one) and, once the meeting has started, present / absent / not recorded (the
 * secretary and the minute-taker present by default, marked as such). A member
 * answers for themself, with apologies or a substitute optionally a short note
 * (shown beside the answer and in the minutes' header); the secretariat can set
 * anyone's answer, note and presence.
 * The contradictions that must be resolved or confirmed before the minutes go out
 * are listed at the top.
 */
import { useState } from 'react';
import { Badge, Button, Card, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Textarea } from '@fluentui/react-components';
import { api, type ApiError } from '../api.js';
import type { Lang, Texts } from '../i18n.js';
import { meetingTexts } from '../i18n.meetings.js';
import { ErrorBar, SuccessBar } from './shared.js';
import type { MeetingView } from './meeting.types.js';
import { useMeetingStyles } from './MeetingPage.styles.js';
import { useForumYearStyles } from './ForumYear.styles.js';

export type Contradiction = { code: string; personId: string; en: string; da: string };
type Row = MeetingView['attendance'][number] & { substitutePersonId?: string | null; presentByDefault?: boolean; note?: string | null };
/** The longest note the server takes (src/domain/meetings/meeting.model.ts, ATTENDANCE_NOTE_MAX). */
const NOTE_MAX = 500;
const withNote = (answer: string | null | undefined) => answer === 'apologies' || answer === 'substitute';
type View = MeetingView & { standIns?: { personId: string; name: string; organisation: string | null }[]; contradictions?: Contradiction[]; started?: boolean };

/** The contradictions a 409 from POST .../minutes/send carries, if that is what it was. */
export function contradictionsIn(error: unknown): Contradiction[] | undefined {
  const body = (error as Partial<ApiError> | null)?.body as { contradictions?: Contradiction[] } | undefined;
  return (error as Partial<ApiError> | null)?.status === 409 && body?.contradictions?.length ? body.contradictions : undefined;
}

export function ContradictionList({ lang, items }: { lang: Lang; items: Contradiction[] }) {
  const c = meetingTexts[lang];
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="contradictions">
      <MessageBarBody>
        <MessageBarTitle>{c.contradictions}</MessageBarTitle>
        {c.contradictionsIntro}
        <ul>
          {items.map((x) => <li key={`${x.code}:${x.personId}`}>{lang === 'da' ? x.da : x.en}</li>)}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

const stateOf = (a: Row) => a.answer ?? 'none';
const presenceOf = (a: Row) => (a.present === true ? 'present' : a.present === false ? 'absent' : 'unknown');

/** A person's answer as a badge: attending green, apologies or a substitute amber, not answered neutral. */
function AnswerBadge({ lang, row }: { lang: Lang; row: Row }) {
  return <Badge appearance="tint" color={row.answer === 'attending' ? 'success' : row.answer ? 'warning' : 'informative'}>{meetingTexts[lang].states[stateOf(row)]}</Badge>;
}

function SecretariatRow({ lang, row, standIns, started, meetingId, onSaved, onError }: { lang: Lang; row: Row; standIns: NonNullable<View['standIns']>; started: boolean; meetingId: string; onSaved: () => Promise<void>; onError: (e: unknown) => void }) {
  const c = meetingTexts[lang];
  const [named, setNamed] = useState(row.substitutePersonId ? '' : (row.substituteName ?? ''));
  const [note, setNote] = useState(row.note ?? '');
  // "Substitute" chosen here but not yet saved: it waits for a stand-in or a name.
  const [pending, setPending] = useState(false);
  const save = async (patch: { answer?: string; present?: string; substitutePersonId?: string; substituteName?: string; note?: string }) => {
    const answer = patch.answer ?? stateOf(row);
    const present = patch.present ?? presenceOf(row);
    const body: Record<string, unknown> = { answer: answer === 'none' ? null : answer };
    // Left out, the note stays as it is (the server clears it with any other answer).
    if (patch.note !== undefined && withNote(answer)) body.note = patch.note.trim() || null;
    if (answer === 'substitute') {
      const sp = patch.substitutePersonId ?? row.substitutePersonId ?? '';
      const sn = patch.substituteName ?? named;
      if (sp) body.substitutePersonId = sp;
      else if (sn.trim()) body.substituteName = sn.trim();
      else {
        setPending(true);
        return;
      }
    }
    // The secretary's and minute-taker's default presence stays a default until changed.
    if (started && (patch.present !== undefined || !row.presentByDefault)) body.present = present === 'present' ? true : present === 'absent' ? false : null;
    try {
      await api(`/api/meetings/${encodeURIComponent(meetingId)}/attendance/${encodeURIComponent(row.personId)}`, { method: 'PUT', body: JSON.stringify(body) });
      await onSaved();
    } catch (e) {
      onError(e);
    }
  };
  const name = row.person.name;
  return (
    <>
      <TableCell>
        <Select aria-label={c.setFor(name)} value={stateOf(row)} onChange={(_, d) => void save({ answer: d.value, ...(d.value === 'substitute' && standIns[0] && !named ? { substitutePersonId: standIns[0].personId } : {}) })}>
          {Object.entries(c.states).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
        </Select>
        {row.answer === 'substitute' || pending ? (
          <>
            {standIns.length ? (
              <Select aria-label={`${c.standIn}: ${name}`} value={row.substitutePersonId ?? ''} onChange={(_, d) => void save({ answer: 'substitute', substitutePersonId: d.value, substituteName: '' })}>
                <option value="">{c.noStandIn}</option>
                {standIns.map((s) => <option key={s.personId} value={s.personId}>{s.name}</option>)}
              </Select>
            ) : null}
            <Input aria-label={`${c.namedSubstitute}: ${name}`} value={named} onChange={(_, d) => setNamed(d.value)} onBlur={() => void (named.trim() && named.trim() !== row.substituteName ? save({ answer: 'substitute', substitutePersonId: '', substituteName: named }) : undefined)} />
          </>
        ) : null}
        {withNote(row.answer) ? (
          <Input aria-label={c.noteFor(name)} placeholder={c.note} value={note} maxLength={NOTE_MAX} data-note-for={row.personId} onChange={(_, d) => setNote(d.value)} onBlur={() => void (note.trim() !== (row.note ?? '') ? save({ note }) : undefined)} />
        ) : null}
      </TableCell>
      <TableCell>
        {started ? (
          <Select aria-label={c.presenceFor(name)} value={presenceOf(row)} onChange={(_, d) => void save({ present: d.value })}>
            {Object.entries(c.presences).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </Select>
        ) : <Text>{c.presences.unknown}</Text>}
        {row.presentByDefault ? <> <Badge appearance="outline">{c.byDefault}</Badge></> : null}
      </TableCell>
    </>
  );
}

export function AttendancePanel({ t, lang, view: baseView, reload, meId }: { t: Texts; lang: Lang; view: MeetingView; reload: () => Promise<void>; meId?: string }) {
  const s = useMeetingStyles();
  // The same wide table in a sideways scroller as the forum's Medlemmer and Møder (a phone keeps words whole).
  const w = useForumYearStyles();
  const c = meetingTexts[lang];
  const view = baseView as View;
  const rows = view.attendance as Row[];
  const standIns = view.standIns ?? [];
  const mine = rows.find((a) => a.personId === meId);
  const [answer, setAnswer] = useState<string>(mine?.answer ?? '');
  const [standIn, setStandIn] = useState<string>(mine?.substitutePersonId ?? '');
  const [substitute, setSubstitute] = useState(mine?.substitutePersonId ? '' : (mine?.substituteName ?? ''));
  const [note, setNote] = useState(mine?.note ?? '');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = encodeURIComponent(view.meeting.id);
  // The forum's secretariat, or a secretariat above it (the region's), records attendance.
  const secretariat = view.permissions.canRecordAttendance;
  const started = view.started === true;

  const save = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const sub = answer === 'substitute' ? (standIn ? { substitutePersonId: standIn } : { substituteName: substitute }) : {};
      const withItsNote = withNote(answer) ? { note: note.trim() || null } : {};
      await api(`/api/meetings/${id}/attendance/me`, { method: 'PUT', body: JSON.stringify({ answer, ...sub, ...withItsNote }) });
      setDone(`${t.m.yourAnswer}: ${c.states[answer]}`);
      await reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const contradictions = view.contradictions ?? [];

  return (
    <section className={s.section} aria-label={t.m.attendance}>
      <ErrorBar error={error} lang={lang} />
      <SuccessBar text={done} />
      {secretariat && contradictions.length ? <ContradictionList lang={lang} items={contradictions} /> : null}
      {mine ? (
        <Card className={s.card} aria-labelledby="my-answer">
          <Subtitle2 as="h3" className={s.h3} id="my-answer">{t.m.answerAttendance}</Subtitle2>
          {!view.permissions.canAnswer ? (
            // Answering is over (the meeting began or was cancelled): say so, with the answer given, not a greyed-out form.
            // A div, not a <p>: Fluent's Badge is a div, which a paragraph may not hold.
            <div data-answer-closed>
              <Text>{t.m.yourAnswer}: </Text><AnswerBadge lang={lang} row={mine} />
              {mine.substituteName ? <Text> {mine.substituteName}</Text> : null}
              {mine.note ? <Text> ({mine.note})</Text> : null}
              <Text as="p" block>{view.meeting.status === 'cancelled' ? c.answerClosedCancelled : view.meeting.status === 'held' ? c.answerClosedHeld : c.answerClosedStarted}</Text>
            </div>
          ) : <>
          <RadioGroup value={answer} onChange={(_, d) => setAnswer(d.value)} aria-labelledby="my-answer" layout="horizontal" disabled={!view.permissions.canAnswer}>
            <Radio value="attending" label={c.states.attending} />
            <Radio value="apologies" label={c.states.apologies} />
            <Radio value="substitute" label={c.states.substitute} />
          </RadioGroup>
          {answer === 'substitute' && standIns.length ? (
            <Field label={c.standIn}>
              <Select name="standIn" value={standIn} onChange={(_, d) => setStandIn(d.value)}>
                <option value="">{c.noStandIn}</option>
                {standIns.map((x) => <option key={x.personId} value={x.personId}>{x.name}</option>)}
              </Select>
            </Field>
          ) : null}
          {answer === 'substitute' && !standIn ? <Field label={standIns.length ? c.namedSubstitute : t.m.substituteName} required><Input value={substitute} onChange={(_, d) => setSubstitute(d.value)} name="substitute" /></Field> : null}
          {withNote(answer) ? (
            <Field label={c.note} hint={c.noteHint} validationMessage={note.length > NOTE_MAX ? c.noteTooLong(NOTE_MAX) : undefined}>
              <Textarea name="note" value={note} maxLength={NOTE_MAX} resize="vertical" onChange={(_, d) => setNote(d.value)} />
            </Field>
          ) : null}
          <div><Button appearance="primary" onClick={() => void save()} disabled={busy || !answer || (answer === 'substitute' && !standIn && !substitute.trim())}>{t.m.saveAnswer}</Button></div>
          </>}
        </Card>
      ) : null}
      <div className={w.scroller} role="region" aria-label={t.m.participants} tabIndex={0}>
      <Table aria-label={t.m.participants} size="small" className={w.wideTable}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.name}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.organisation}</TableHeaderCell>
            <TableHeaderCell scope="col">{c.state}</TableHeaderCell>
            <TableHeaderCell scope="col">{c.presence}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((a) => (
            <TableRow key={a.personId} data-person-id={a.personId}>
              <TableCell>{a.person.name} ({t.roles[a.role] ?? a.role}){a.person.title ? <><br /><Text size={200}>{a.person.title}</Text></> : null}</TableCell>
              <TableCell>{a.person.organisation}</TableCell>
              {secretariat && view.meeting.status !== 'cancelled' ? (
                <SecretariatRow key={`${a.personId}:${a.answer}:${a.present}:${a.substituteName}:${a.note ?? ''}`} lang={lang} row={a} standIns={standIns} started={started} meetingId={view.meeting.id} onSaved={reload} onError={setError} />
              ) : (
                <>
                  <TableCell>
                    <AnswerBadge lang={lang} row={a} />
                    {a.substituteName ? ` ${a.substituteName}` : ''}
                    {a.note ? <> <Text size={200} data-note>({a.note})</Text></> : null}
                  </TableCell>
                  <TableCell>
                    {c.presences[presenceOf(a)]}
                    {a.presentByDefault ? <> <Badge appearance="outline">{c.byDefault}</Badge></> : null}
                  </TableCell>
                </>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      </div>
    </section>
  );
}
