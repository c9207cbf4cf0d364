/**
 * The referent of the meeting (the minutes' header field "Referent"): by default
 * the forum's secretary; the secretariat can choose another member while the
 * minutes are a draft or being revised.
 */
import { useEffect, useState } from 'react';
import { Button, Field, Select, Text } from '@fluentui/react-components';
import { api } from '../api.js';
import type { Lang, Texts } from '../i18n.js';
import { ErrorBar, SuccessBar } from './shared.js';
import type { MeetingView } from './meeting.types.js';
import type { MinuteTakerResponse } from '../../contracts/meetings.contract.js';
import { useMeetingStyles } from './MeetingPage.styles.js';

export function MinuteTakerField({ t, lang, view, reload }: { t: Texts; lang: Lang; view: MeetingView; reload: () => Promise<void> }) {
  const s = useMeetingStyles();
  const wf = t.wf;
  const taker = view.minuteTaker ?? null;
  const current = taker && !taker.isDefault ? taker.personId : '';
  const [choice, setChoice] = useState(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setChoice(current), [current]);

  const shown = taker ? `${taker.name}${taker.isDefault ? ` (${wf.minuteTakerDefault})` : ''}` : wf.minuteTakerNone;
  if (!view.permissions.canEditMinutes) {
    return <Text data-testid="minute-taker-text"><strong>{wf.minuteTaker}:</strong> {shown}</Text>;
  }
  const defaultName = taker?.isDefault ? taker.name : undefined;
  const members = [...new Map(view.attendance.map((a) => [a.personId, a.person.name])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'da'));
  const save = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await api<MinuteTakerResponse>(`/api/meetings/${encodeURIComponent(view.meeting.id)}/minute-taker`, { method: 'PUT', body: JSON.stringify({ personId: choice || null }) });
      await reload();
      setDone(wf.minuteTakerSaved(members.find(([id]) => id === r.personId)?.[1] ?? r.personId ?? '–'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={s.bar}>
      <Field label={wf.chooseMinuteTaker} hint={`${wf.minuteTaker}: ${shown}`}>
        <Select name="minute-taker" value={choice} onChange={(_, d) => setChoice(d.value)}>
          <option value="">{defaultName ? wf.minuteTakerDefaultOption(defaultName) : wf.minuteTakerDefaultOptionNone}</option>
          {members.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
        </Select>
      </Field>
      <Button disabled={busy || choice === current} onClick={() => void save()}>{wf.saveMinuteTaker}</Button>
      <ErrorBar error={error} lang={lang} />
      <SuccessBar text={done} />
    </div>
  );
}
