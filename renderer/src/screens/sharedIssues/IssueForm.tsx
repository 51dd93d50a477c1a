import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Lists } from '../../../../electron/core/contract';
import type { SharedIssue } from '../../../../electron/core/contract/sharedIssues';
import { enterMovesOn } from '../../components/enterMovesOn';
import { fieldErrorExact } from '../../components/errors';
import { fa } from '../../locale/fa';

export interface IssueDraft {
  title: string;
  countyId: string | null;
  place: string;
  categoryId: string | null;
  description: string;
}

export const draftOfIssue = (i: SharedIssue | null): IssueDraft =>
  i
    ? { title: i.title, countyId: i.countyId, place: i.place, categoryId: i.categoryId, description: i.description }
    : { title: '', countyId: null, place: '', categoryId: null, description: '' };

interface Props {
  initial: IssueDraft;
  lists: Lists | undefined;
  pending: boolean;
  error: unknown;
  onSubmit(draft: IssueDraft): void;
  onCancel(): void;
}

/** A shared issue's title, county, place, category and description; Enter moves on, Ctrl+Enter saves. */
export function IssueForm({ initial, lists, pending, error, onSubmit, onCancel }: Props) {
  const [d, setD] = useState<IssueDraft>(initial);
  const set = (patch: Partial<IssueDraft>) => setD((x) => ({ ...x, ...patch }));
  const t = fa.sharedIssues.fields;
  const options = (items: { id: string; name: string; active: boolean }[] | undefined, keep: string | null) =>
    (items ?? []).filter((c) => c.active || c.id === keep).map((c) => ({ value: c.id, label: c.name }));
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    onSubmit(d);
  };
  return (
    <form
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.ctrlKey) {
          e.preventDefault();
          submit();
        } else enterMovesOn(e);
      }}
      noValidate
      data-testid="shared-issue-form"
    >
      <Stack gap="sm">
        <TextInput
          label={t.title}
          placeholder={t.titlePlaceholder}
          value={d.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          required
          data-autofocus
          name="title"
          error={fieldErrorExact(error, 'title')}
        />
        <Group grow align="flex-start">
          <Select
            label={t.county}
            data={options(lists?.counties, initial.countyId)}
            value={d.countyId}
            onChange={(v) => set({ countyId: v })}
            searchable
            selectFirstOptionOnChange
            required
            name="countyId"
            error={fieldErrorExact(error, 'countyId')}
          />
          <Select
            label={t.category}
            data={options(lists?.categories, initial.categoryId)}
            value={d.categoryId}
            onChange={(v) => set({ categoryId: v })}
            searchable
            selectFirstOptionOnChange
            required
            name="categoryId"
            error={fieldErrorExact(error, 'categoryId')}
          />
        </Group>
        <TextInput label={t.place} value={d.place} onChange={(e) => set({ place: e.currentTarget.value })} name="place" error={fieldErrorExact(error, 'place')} />
        <Textarea
          label={t.description}
          value={d.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          autosize
          minRows={2}
          name="description"
          error={fieldErrorExact(error, 'description')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {fa.sharedIssues.cancel}
          </Button>
          <Button type="submit" loading={pending} data-enter-stop data-testid="shared-issue-save">
            {fa.sharedIssues.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
