import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { fa as faDigits } from '../../format';
import { fa, fill } from '../../locale/fa';
import type { StepProps } from './stepProps';
import { countyKey, newRowKey } from './wizardState';

/** Focuses a field of the step by its name once React has drawn it. */
function focusByName(name: string) {
  requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[name="${name}"]`)?.focus());
}

/**
 * Step 2: the province's counties, starting from the seeded list. Each name is edited in place;
 * «حذف» (Tab from its name) removes one; a new name is typed in the last field and added with
 * Enter, which on an empty field moves on to «گام بعد».
 */
export function CountiesStep({ state, set, error }: StepProps) {
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | undefined>();
  const rows = state.counties;

  const rename = (i: number, name: string) => set({ counties: rows.map((r, j) => (j === i ? { ...r, name } : r)) });
  const remove = (i: number) => {
    set({ counties: rows.filter((_, j) => j !== i) });
    focusByName(rows.length > 1 ? `counties.${Math.min(i, rows.length - 2)}.name` : 'newCounty');
  };
  const add = () => {
    if (rows.some((r) => countyKey(r.name) === countyKey(draft))) return setDraftError(fa.setup.countyDuplicate);
    set({ counties: [...rows, { key: newRowKey(), name: draft.trim() }] });
    setDraft('');
  };
  const onDraftKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || draft.trim() === '') return; // an empty field: Enter moves on, as everywhere
    e.preventDefault();
    e.stopPropagation();
    add();
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {fa.setup.countiesHint}
      </Text>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        {rows.map((row, i) => {
          const label = fill(fa.setup.countyName, { n: faDigits(i + 1) });
          return (
            <Group key={row.key} gap="xs" wrap="nowrap" align="flex-start" data-testid="county-row">
              <Text w={24} ta="center" mt={6} c="dimmed" size="sm">
                {faDigits(i + 1)}
              </Text>
              <TextInput
                aria-label={label}
                value={row.name}
                onChange={(e) => rename(i, e.currentTarget.value)}
                error={error(`counties.${i}.name`) ?? error(`counties.${i}.id`)}
                name={`counties.${i}.name`}
                data-autofocus={i === 0 ? true : undefined}
                flex={1}
              />
              <Button variant="subtle" color="red" onClick={() => remove(i)} aria-label={fill(fa.setup.removeCounty, { name: row.name })}>
                {fa.setup.remove}
              </Button>
            </Group>
          );
        })}
      </SimpleGrid>
      {error('counties') && (
        <Text c="red" size="sm">
          {error('counties')}
        </Text>
      )}
      <Group align="flex-start" gap="xs">
        <TextInput
          label={fa.setup.newCounty}
          description={fa.setup.newCountyHint}
          value={draft}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            setDraftError(undefined);
          }}
          onKeyDown={onDraftKey}
          error={draftError}
          name="newCounty"
          w={360}
        />
        <Button variant="light" mt={46} onClick={add} disabled={draft.trim() === ''}>
          {fa.setup.addCounty}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {fill(fa.setup.countiesCount, { n: faDigits(rows.length) })}
      </Text>
    </Stack>
  );
}
