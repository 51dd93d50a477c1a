import { MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { MeetingKind, Meeting } from '../../../electron/core/contract';
import { useAction, useCall } from '../api/hooks';
import { enterMovesOn } from '../components/enterMovesOn';
import { fieldError } from '../components/errors';
import { JalaliDateInput } from '../components/JalaliDateInput';
import { todayTehran } from '../format';
import { fa, keysOf } from '../locale/fa';
import { SaveCancel } from '../components/SaveCancel';

/** Defines a new meeting (kind, title, Jalali date, place, county, presiding officials). */
export function MeetingForm({ onDone, onCancel }: { onDone(m: Meeting): void; onCancel(): void }) {
  const lists = useCall('lists.all', {});
  const create = useAction('meetings.create');
  const [kind, setKind] = useState<MeetingKind>('weekly_public');
  const [title, setTitle] = useState<string>(fa.meetings.kinds.weekly_public);
  const [date, setDate] = useState<string | null>(todayTehran());
  const [place, setPlace] = useState('');
  const [countyId, setCountyId] = useState<string | null>(null);
  const [presiding, setPresiding] = useState('');
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const err = (f: string) => fieldError(create.error, f);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ kind, title, date: date ?? '', place, countyId, presiding, agencyIds }, { onSuccess: onDone });
  };
  const counties = (lists.data?.counties ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }));
  const agencies = (lists.data?.agencies ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: a.name }));
  // Field desks and the province-wide day seat agencies at the table; any meeting may.
  const seatsAgencies = kind === 'field_desk' || kind === 'province_day' || agencyIds.length > 0;

  return (
    <form onSubmit={submit} onKeyDown={enterMovesOn} noValidate>
      <Stack>
        <Select
          selectFirstOptionOnChange
          label={fa.meetings.kind}
          data={keysOf(fa.meetings.kinds).map((k) => ({ value: k, label: fa.meetings.kinds[k] }))}
          value={kind}
          onChange={(v) => {
            const next = (v ?? 'weekly_public') as MeetingKind;
            if (title === fa.meetings.kinds[kind]) setTitle(fa.meetings.kinds[next]);
            setKind(next);
          }}
          allowDeselect={false}
          error={err('kind')}
        />
        <TextInput label={fa.meetings.titleField} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={err('title')} required />
        <JalaliDateInput label={fa.meetings.date} value={date} onChange={setDate} error={err('date')} required name="date" />
        <TextInput label={fa.meetings.place} value={place} onChange={(e) => setPlace(e.currentTarget.value)} error={err('place')} required autoFocus />
        <Select label={fa.meetings.county} data={counties} value={countyId} onChange={setCountyId} searchable clearable error={err('countyId')} />
        <TextInput label={fa.meetings.presiding} value={presiding} onChange={(e) => setPresiding(e.currentTarget.value)} error={err('presiding')} />
        {seatsAgencies && (
          <MultiSelect
            label={fa.fieldDesk.agenciesPresent}
            description={fa.fieldDesk.agenciesPresentHint}
            data={agencies}
            value={agencyIds}
            onChange={setAgencyIds}
            searchable
            clearable
            error={err('agencyIds')}
            name="agencyIds"
            data-testid="meeting-agencies"
          />
        )}
        <SaveCancel onCancel={onCancel} pending={create.isPending} label={fa.meetings.submit} />
      </Stack>
    </form>
  );
}
