/** The attendance tab: my answer (attending / apologies / a named substitute) and the participant list; the secretariat records presence. */
import { useState } from 'react';
import { Badge, Button, Card, Checkbox, Field, Input, Radio, RadioGroup, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { api } from '../api.js';
import type { Lang, Texts } from '../i18n.js';
import { ErrorBar, SuccessBar } from './shared.js';
import type { MeetingView } from './meeting.types.js';
import { useMeetingStyles } from './MeetingPage.styles.js';

export function AttendancePanel({ t, lang, view, reload, meId }: { t: Texts; lang: Lang; view: MeetingView; reload: () => Promise<void>; meId?: string }) {
  const s = useMeetingStyles();
  const mine = view.attendance.find((a) => a.personId === meId);
  const [answer, setAnswer] = useState<string>(mine?.answer ?? '');
  const [substitute, setSubstitute] = useState(mine?.substituteName ?? '');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = encodeURIComponent(view.meeting.id);
  const secretariat = view.permissions.canEditAgenda;

  const save = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await api(`/api/meetings/${id}/attendance/me`, { method: 'PUT', body: JSON.stringify({ answer, ...(answer === 'substitute' ? { substituteName: substitute } : {}) }) });
      setDone(`${t.m.yourAnswer}: ${t.m.answers[answer]}`);
      await reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const presence = async (personId: string, present: boolean) => {
    setError(null);
    try {
      await api(`/api/meetings/${id}/attendance/${encodeURIComponent(personId)}/presence`, { method: 'PUT', body: JSON.stringify({ present }) });
      await reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className={s.section} aria-label={t.m.attendance}>
      <ErrorBar error={error} lang={lang} />
      <SuccessBar text={done} />
      {mine ? (
        <Card className={s.card} aria-labelledby="my-answer">
          <Subtitle2 as="h3" className={s.h3} id="my-answer">{t.m.answerAttendance}</Subtitle2>
          <RadioGroup value={answer} onChange={(_, d) => setAnswer(d.value)} aria-labelledby="my-answer" layout="horizontal" disabled={!view.permissions.canAnswer}>
            <Radio value="attending" label={t.m.attend} />
            <Radio value="apologies" label={t.m.apologies} />
            <Radio value="substitute" label={t.m.substitute} />
          </RadioGroup>
          {answer === 'substitute' ? <Field label={t.m.substituteName} required><Input value={substitute} onChange={(_, d) => setSubstitute(d.value)} name="substitute" /></Field> : null}
          <div><Button appearance="primary" onClick={() => void save()} disabled={busy || !answer || !view.permissions.canAnswer || (answer === 'substitute' && !substitute.trim())}>{t.m.saveAnswer}</Button></div>
        </Card>
      ) : null}
      <Table aria-label={t.m.participants} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.name}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.title}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.organisation}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.m.answerCol}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.m.present}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.attendance.map((a) => (
            <TableRow key={a.personId} data-person-id={a.personId}>
              <TableCell>{a.person.name} ({t.roles[a.role] ?? a.role})</TableCell>
              <TableCell>{a.person.title}</TableCell>
              <TableCell>{a.person.organisation}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={a.answer === 'attending' ? 'success' : a.answer ? 'warning' : 'informative'}>{a.answer ? t.m.answers[a.answer] : t.m.noAnswer}</Badge>
                {a.substituteName ? ` ${a.substituteName}` : ''}
              </TableCell>
              <TableCell>
                {secretariat ? <Checkbox checked={a.present === true} onChange={(_, d) => void presence(a.personId, d.checked === true)} aria-label={`${t.m.present}: ${a.person.name}`} />
                  : a.present === true ? '✓' : ''}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
