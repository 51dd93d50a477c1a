import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ListItem, ListKind } from '../../../../electron/core/contract';
import { useAction } from '../../api/hooks';
import { fieldError, notifyError } from '../../components/errors';
import { fa as faDigits } from '../../format';
import { fa } from '../../locale/fa';

const withRoom = (kind: ListKind) => kind === 'units' || kind === 'agencies';

/** One editable list: add, rename (and, for units and agencies, the room a referred client goes to), (de)activate. */
export function ListEditor({ kind, items }: { kind: ListKind; items: ListItem[] }) {
  const save = useAction('lists.save');
  const [name, setName] = useState('');
  const [room, setRoom] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string; room: string } | null>(null);
  const add = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { kind, name, room },
      {
        onSuccess: () => {
          setName('');
          setRoom('');
        },
      },
    );
  };
  const saveEdit = (item: ListItem) => {
    if (!editing) return;
    save.mutate({ kind, id: item.id, name: editing.name, room: editing.room, active: item.active }, { onSuccess: () => setEditing(null), onError: notifyError });
  };
  return (
    <Stack>
      <form onSubmit={add} noValidate>
        <Group align="flex-start">
          <TextInput
            placeholder={fa.settings.newName}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={!editing ? fieldError(save.error, 'name') : undefined}
            w={320}
            aria-label={fa.settings.newName}
          />
          {withRoom(kind) && (
            <TextInput placeholder={fa.settings.room} value={room} onChange={(e) => setRoom(e.currentTarget.value)} w={240} aria-label={fa.settings.room} />
          )}
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
                      saveEdit(item);
                    }}
                  >
                    <Group gap="xs">
                      <TextInput value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })} autoFocus size="xs" aria-label={fa.settings.rename} />
                      {withRoom(kind) && (
                        <TextInput
                          value={editing.room}
                          onChange={(e) => setEditing({ ...editing, room: e.currentTarget.value })}
                          size="xs"
                          placeholder={fa.settings.room}
                          aria-label={fa.settings.room}
                        />
                      )}
                      <Button type="submit" size="xs">
                        {fa.app.save}
                      </Button>
                    </Group>
                  </form>
                ) : (
                  <>
                    {item.name}
                    {item.room && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        — {item.room}
                      </Text>
                    )}
                  </>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={item.active ? 'teal' : 'gray'} variant="light">
                  {item.active ? fa.users.active : fa.users.inactive}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Button size="xs" variant="subtle" onClick={() => setEditing({ id: item.id, name: item.name, room: item.room })}>
                    {fa.settings.rename}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color={item.active ? 'red' : 'teal'}
                    onClick={() => save.mutate({ kind, id: item.id, name: item.name, room: item.room, active: !item.active }, { onError: notifyError })}
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
