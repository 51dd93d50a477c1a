import { Badge, Button, Group, Paper, PasswordInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ROLES_LIST, type RoleName } from './roles';
import { useAction, useCall } from '../api/hooks';
import { enterMovesOn } from '../components/enterMovesOn';
import { fieldError } from '../components/errors';
import { jalaliDateOf } from '../format';
import { fa } from '../locale/fa';

/** The admin's list of users and a form to add one (full user management comes with the security work). */
export function Users() {
  const users = useCall('users.list', {});
  const create = useAction('users.create');
  const [form, setForm] = useState({ username: '', displayName: '', role: 'operator' as RoleName, password: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(form, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: fa.users.created });
        setForm({ username: '', displayName: '', role: form.role, password: '' });
      },
    });
  };
  const err = (f: string) => fieldError(create.error, f);
  return (
    <Stack>
      <Title order={2}>{fa.users.title}</Title>
      <Paper withBorder p="md">
        <form onSubmit={submit} onKeyDown={enterMovesOn} noValidate>
          <Group align="flex-start">
            <TextInput label={fa.users.displayName} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })} error={err('displayName')} name="displayName" />
            <TextInput label={fa.users.username} value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} error={err('username')} dir="ltr" name="username" />
            <Select
              label={fa.users.role}
              data={ROLES_LIST.map((r) => ({ value: r, label: fa.roles[r] }))}
              value={form.role}
              onChange={(v) => setForm({ ...form, role: (v ?? 'operator') as RoleName })}
              allowDeselect={false}
              name="role"
            />
            <PasswordInput label={fa.users.password} value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} error={err('password')} dir="ltr" name="password" data-enter="own" w={200} />
            <Button type="submit" mt={24} loading={create.isPending}>
              {fa.users.create}
            </Button>
          </Group>
        </form>
      </Paper>
      <Paper withBorder>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{fa.users.displayName}</Table.Th>
              <Table.Th>{fa.users.username}</Table.Th>
              <Table.Th>{fa.users.role}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.map((u) => (
              <Table.Tr key={u.userId}>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td dir="ltr" style={{ textAlign: 'right' }}>
                  {u.username}
                </Table.Td>
                <Table.Td>{fa.roles[u.role]}</Table.Td>
                <Table.Td>
                  <Badge color={u.active ? 'teal' : 'gray'} variant="light">
                    {u.active ? fa.users.active : fa.users.inactive}
                  </Badge>{' '}
                  {jalaliDateOf(u.createdAt)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
