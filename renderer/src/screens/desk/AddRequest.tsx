import { Button, Checkbox, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ListItem } from '../../../../electron/core/contract';
import { useAction } from '../../api/hooks';
import { enterMovesOn } from '../../components/enterMovesOn';
import { fieldErrorExact } from '../../components/errors';
import { fa } from '../../locale/fa';
import { enterPicksFirstOption } from '../../components/comboboxEnter';

interface Props {
  visitId: string;
  categories: ListItem[];
  /** After the request is added: its id, so the desk can focus its card. */
  onAdded(requestId: string): void;
}

/** A request the visitor raises at the desk, added to the visit (Alt+N jumps here). */
export function AddRequest({ visitId, categories, onAdded }: Props) {
  const add = useAction('requests.add');
  const client = useQueryClient();
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [urgent, setUrgent] = useState(false);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    add.mutate(
      { visitId, categoryId: categoryId ?? '', text, urgency: urgent ? 'urgent' : 'normal' },
      {
        onSuccess: async (detail) => {
          setCategoryId(null);
          setText('');
          setUrgent(false);
          client.setQueryData(['visits.detail', { visitId }], detail);
          await client.invalidateQueries({ queryKey: ['visits.detail'] });
          const added = detail.requests.at(-1);
          if (added) onAdded(added.id);
        },
      },
    );
  };
  const other = add.error && !['categoryId', 'text'].includes(add.error.field ?? '') ? add.error.message : undefined;
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <form onSubmit={submit} onKeyDown={(e) => enterPicksFirstOption(e) || enterMovesOn(e)} noValidate data-testid="add-request">
        <Text size="sm" fw={600} mb={4}>
          {fa.desk.addRequest}
          <Text span size="xs" c="dimmed">
            {' '}
            — {fa.desk.addRequestHint}
          </Text>
        </Text>
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <Select
            aria-label={fa.desk.fields.category}
            placeholder={fa.desk.fields.category}
            data={categories.filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))}
            value={categoryId}
            onChange={setCategoryId}
            error={fieldErrorExact(add.error, 'categoryId')}
            searchable
            selectFirstOptionOnChange
            openOnFocus={false}
            w={200}
            name="add-category"
          />
          <TextInput
            aria-label={fa.desk.fields.requestText}
            placeholder={fa.desk.fields.requestText}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={fieldErrorExact(add.error, 'text') ?? other}
            style={{ flex: 1 }}
            name="add-text"
          />
          <Checkbox label={fa.desk.urgent} checked={urgent} onChange={(e) => setUrgent(e.currentTarget.checked)} mt={8} />
          <Button type="submit" variant="light" loading={add.isPending} data-enter-stop>
            {fa.desk.add}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
