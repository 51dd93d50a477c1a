import { Checkbox, Group, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { Circumstance, Input, Sex } from '../../../electron/core/contract';
import { useCall } from '../api/hooks';
import { fieldError } from '../components/errors';
import { JalaliDateInput } from '../components/JalaliDateInput';
import { fa, keysOf } from '../locale/fa';

export type ClientDraft = Omit<Input<'clients.create'>, 'sex'> & { sex: Sex | null };

export function emptyClient(nationalId = ''): ClientDraft {
  return {
    nationalId,
    firstName: '',
    lastName: '',
    fatherName: '',
    birthDate: null,
    sex: null,
    mobile: '',
    address: '',
    countyId: null,
    fileNumber: '',
    circumstances: [],
  };
}

interface Props {
  value: ClientDraft;
  onChange(next: ClientDraft): void;
  /** The last failed call, whose field errors are shown at their fields. */
  error: unknown;
}

/** The client's record: identity, contact, county and circumstances. */
export function ClientForm({ value, onChange, error }: Props) {
  const lists = useCall('lists.all', {});
  const set = <K extends keyof ClientDraft>(k: K, v: ClientDraft[K]) => onChange({ ...value, [k]: v });
  const text = (k: 'nationalId' | 'firstName' | 'lastName' | 'fatherName' | 'mobile' | 'fileNumber' | 'address') => ({
    value: value[k] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => set(k, e.currentTarget.value),
    error: fieldError(error, k),
    name: k,
  });
  const counties = (lists.data?.counties ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }));
  return (
    <>
      <SimpleGrid cols={{ base: 2, lg: 4 }}>
        <TextInput label={fa.client.nationalId} {...text('nationalId')} required dir="ltr" inputMode="numeric" />
        <TextInput label={fa.client.firstName} {...text('firstName')} required data-autofocus />
        <TextInput label={fa.client.lastName} {...text('lastName')} required />
        <TextInput label={fa.client.fatherName} {...text('fatherName')} />
        <Select
          selectFirstOptionOnChange
          label={fa.client.sex}
          data={keysOf(fa.client.sexes).map((s) => ({ value: s, label: fa.client.sexes[s] }))}
          value={value.sex}
          onChange={(v) => set('sex', v as Sex | null)}
          searchable
          error={fieldError(error, 'sex')}
          required
          name="sex"
        />
        <JalaliDateInput label={fa.client.birthDate} value={value.birthDate ?? null} onChange={(v) => set('birthDate', v)} error={fieldError(error, 'birthDate')} name="birthDate" />
        <TextInput label={fa.client.mobile} {...text('mobile')} dir="ltr" inputMode="tel" />
        <Select
          selectFirstOptionOnChange
          label={fa.client.county}
          data={counties}
          value={value.countyId ?? null}
          onChange={(v) => set('countyId', v)}
          searchable
          clearable
          error={fieldError(error, 'countyId')}
          name="countyId"
        />
        <TextInput label={fa.client.fileNumber} {...text('fileNumber')} />
      </SimpleGrid>
      <Textarea label={fa.client.address} {...text('address')} autosize minRows={1} mt="sm" />
      <Checkbox.Group
        label={fa.client.circumstances}
        value={value.circumstances ?? []}
        onChange={(v) => set('circumstances', v as Circumstance[])}
        mt="sm"
      >
        <Group mt={6}>
          {keysOf(fa.client.circumstanceNames).map((c) => (
            <Checkbox key={c} value={c} label={fa.client.circumstanceNames[c]} />
          ))}
        </Group>
      </Checkbox.Group>
    </>
  );
}
