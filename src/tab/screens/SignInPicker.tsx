import { useEffect, useState } from 'react';
import { Label, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { api } from '../api.js';
import type { Texts } from '../i18n.js';
import type { DevPersonResponse, MeResponse } from '../../contracts/system.contract.js';

export type Me = MeResponse;

// The people's names and titles are long: the picker may shrink to the width there is (a narrow Teams side panel).
const useStyles = makeStyles({
  field: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, maxWidth: '28rem', flex: '1 1 auto' },
});

/** Embedded mode only: pick which demo person you are. In Teams, SSO signs you in. */
export function SignInPicker({ t, me, onChanged }: { t: Texts; me: Me | null; onChanged: () => void }) {
  const styles = useStyles();
  const [people, setPeople] = useState<DevPersonResponse[]>([]);
  useEffect(() => {
    if (me?.devSignIn) api<DevPersonResponse[]>('/api/dev/people').then(setPeople, () => setPeople([]));
  }, [me?.devSignIn]);
  if (!me) return null;
  if (!me.devSignIn) return me.signedIn ? <Text>{t.signedInAs} {me.person?.name}</Text> : null;
  const pick = async (personId: string) => {
    await api('/api/dev/sign-in', { method: 'POST', body: JSON.stringify({ personId: personId || null }) });
    onChanged();
  };
  return (
    <div className={styles.field}>
      <Label htmlFor="person">{t.signedInAs}</Label>
      <Select id="person" className={styles.select} value={me.signedIn ? me.person.id : ''} onChange={(_, d) => void pick(d.value)}>
        <option value="">{t.notSignedIn}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}{p.title ? ` (${p.title})` : ''}
          </option>
        ))}
      </Select>
    </div>
  );
}
