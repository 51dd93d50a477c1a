import { Badge, Button, Group, NumberInput, Paper, Stack, Table, Tabs, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { ListItem, ListKind, Settings } from '../../../electron/core/contract';
import { useAction, useCall } from '../api/hooks';
import { fieldError, notifyError } from '../components/errors';
import { fa as faDigits } from '../format';
import { fa, keysOf } from '../locale/fa';

function ListEditor({ kind, items }: { kind: ListKind; items: ListItem[] }) {
  const save = useAction('lists.save');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const add = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ kind, name }, { onSuccess: () => setName('') });
  };
  return (
    <Stack>
      <form onSubmit={add} noValidate>
        <Group align="flex-start">
          <TextInput placeholder={fa.settings.newName} value={name} onChange={(e) => setName(e.currentTarget.value)} error={!editing ? fieldError(save.error, 'name') : undefined} w={320} />
          <Button type="submit" loading={save.isPending && !editing}>
            {fa.settings.add}
          </Button>
        </Group>
      </form>
      <Table striped>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td w={40}>{faDigits(item.sort / 10)}</Table.Td>
              <Table.Td>
                {editing?.id === item.id ? (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      save.mutate({ kind, id: item.id, name: editing.name, active: item.active }, { onSuccess: () => setEditing(null), onError: notifyError });
                    }}
                  >
                    <TextInput value={editing.name} onChange={(e) => setEditing({ id: item.id, name: e.currentTarget.value })} autoFocus size="xs" />
                  </form>
                ) : (
                  item.name
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={item.active ? 'teal' : 'gray'} variant="light">
                  {item.active ? fa.users.active : fa.users.inactive}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Button size="xs" variant="subtle" onClick={() => setEditing({ id: item.id, name: item.name })}>
                    {fa.settings.rename}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color={item.active ? 'red' : 'teal'}
                    onClick={() => save.mutate({ kind, id: item.id, name: item.name, active: !item.active }, { onError: notifyError })}
                  >
                    {item.active ? fa.settings.deactivate : fa.settings.activate}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function GeneralSettings() {
  const settings = useCall('settings.get', {});
  return settings.data ? <GeneralSettingsForm key={JSON.stringify(settings.data)} initial={settings.data} /> : null;
}

function GeneralSettingsForm({ initial }: { initial: Settings }) {
  const save = useAction('settings.save');
  const [form, setForm] = useState(initial);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(form, { onSuccess: () => notifications.show({ color: 'teal', message: fa.app.saved }) });
      }}
      noValidate
    >
      <Stack maw={480}>
        <TextInput label={fa.settings.directorateName} value={form.directorateName} onChange={(e) => setForm({ ...form, directorateName: e.currentTarget.value })} error={fieldError(save.error, 'directorateName')} />
        <TextInput label={fa.settings.province} value={form.province} onChange={(e) => setForm({ ...form, province: e.currentTarget.value })} error={fieldError(save.error, 'province')} />
        <NumberInput
          label={fa.settings.maxPriorityInRow}
          value={form.maxPriorityInRow}
          onChange={(v) => setForm({ ...form, maxPriorityInRow: typeof v === 'number' ? v : Number(v) })}
          min={0}
          max={20}
          error={fieldError(save.error, 'maxPriorityInRow')}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {fa.app.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The admin's lists (counties, units, agencies, request categories) and general settings. */
export function SettingsScreen() {
  const lists = useCall('lists.all', {});
  return (
    <Stack>
      <Title order={2}>{fa.settings.title}</Title>
      <Paper withBorder p="md">
        <Tabs defaultValue="categories">
          <Tabs.List mb="md">
            {keysOf(fa.settings.lists).map((k) => (
              <Tabs.Tab key={k} value={k}>
                {fa.settings.lists[k]}
              </Tabs.Tab>
            ))}
            <Tabs.Tab value="general">{fa.settings.general}</Tabs.Tab>
          </Tabs.List>
          {keysOf(fa.settings.lists).map((k) => (
            <Tabs.Panel key={k} value={k}>
              <ListEditor kind={k} items={lists.data?.[k] ?? []} />
            </Tabs.Panel>
          ))}
          <Tabs.Panel value="general">
            <GeneralSettings />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Stack>
  );
}
