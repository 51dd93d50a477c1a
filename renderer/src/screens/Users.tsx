import { Badge, Button, Group, Paper, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { UserActions } from './users/UserActions';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Lists, UserRow } from '../../../electron/core/contract';
import { isRepresentative, ROLES_LIST, type RoleName } from './roles';
import { useAction, useCall } from '../api/hooks';
import { enterMovesOn } from '../components/enterMovesOn';
import { fieldError } from '../components/errors';
import { fa as faDigits, jalaliDateOf, jalaliDateTime } from '../format';
import { fa, fill } from '../locale/fa';
import { enterPicksFirstOption } from '../components/comboboxEnter';

interface Form {
  username: string;
  displayName: string;
  role: RoleName;
  password: string;
  unitId: string | null;
  agencyId: string | null;
}

const EMPTY: Form = { username: '', displayName: '', role: 'operator', password: '', unitId: null, agencyId: null };

/** The unit or agency a representative acts for, by name. */
export function actsFor(u: UserRow, lists: Lists | undefined): string {
  if (u.role === 'unit') return lists?.units.find((x) => x.id === u.unitId)?.name ?? fa.app.none;
  if (u.role === 'agency') return lists?.agencies.find((x) => x.id === u.agencyId)?.name ?? fa.app.none;
  return '';
}

/**
 * The admin's list of users and a form to add one of any role: staff, a unit's or an agency's
 * representative (tied to that unit or agency, which the host requires), the waiting-room display.
 */
export function Users() {
  const users = useCall('users.list', {});
  const lists = useCall('lists.all', {});
  const create = useAction('users.create');
  const [form, setForm] = useState<Form>(EMPTY);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { ...form, unitId: form.role === 'unit' ? form.unitId : null, agencyId: form.role === 'agency' ? form.agencyId : null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: fa.users.created });
          setForm({ ...EMPTY, role: form.role, unitId: form.unitId, agencyId: form.agencyId });
        },
      },
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (enterPicksFirstOption(e)) return;
    enterMovesOn(e);
  };
  const err = (f: string) => fieldError(create.error, f);
  const options = (items: { id: string; name: string; active: boolean }[] | undefined) => (items ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: x.name }));
  const hint = isRepresentative(form.role) ? fa.users.representativeHint : form.role === 'display' ? fa.users.displayHint : null;
  return (
    <Stack>
      <Title order={2}>{fa.users.title}</Title>
      <Paper withBorder p="md">
        <form onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="user-form">
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
              w={210}
            />
            {form.role === 'unit' && (
              <Select
                label={fa.users.unit}
                data={options(lists.data?.units)}
                value={form.unitId}
                onChange={(v) => setForm({ ...form, unitId: v })}
                error={err('unitId')}
                searchable
                selectFirstOptionOnChange
                openOnFocus={false}
                required
                name="unitId"
                w={230}
              />
            )}
            {form.role === 'agency' && (
              <Select
                label={fa.users.agency}
                data={options(lists.data?.agencies)}
                value={form.agencyId}
                onChange={(v) => setForm({ ...form, agencyId: v })}
                error={err('agencyId')}
                searchable
                selectFirstOptionOnChange
                openOnFocus={false}
                required
                name="agencyId"
                w={230}
              />
            )}
            <PasswordInput
              label={fa.users.password}
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
              error={err('password')}
              dir="ltr"
              name="password"
              data-enter="own"
              w={200}
            />
            <Button type="submit" mt={24} loading={create.isPending}>
              {fa.users.create}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mt="xs">
            {fa.users.password}: {fa.security.passwordRules}
            {hint && ` ${hint}`}
          </Text>
        </form>
      </Paper>
      <Paper withBorder>
        <Table striped data-testid="users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{fa.users.displayName}</Table.Th>
              <Table.Th>{fa.users.username}</Table.Th>
              <Table.Th>{fa.users.role}</Table.Th>
              <Table.Th>{fa.users.actsFor}</Table.Th>
              <Table.Th>{fa.security.status}</Table.Th>
              <Table.Th>{fa.security.lastLogin}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.map((u) => (
              <Table.Tr key={u.userId} data-testid="user-row">
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td dir="ltr" style={{ textAlign: 'right' }}>
                  {u.username}
                </Table.Td>
                <Table.Td>{fa.roles[u.role]}</Table.Td>
                <Table.Td>{actsFor(u, lists.data)}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Badge color={u.active ? 'teal' : 'gray'} variant="light" data-testid="user-status">
                      {u.active ? fa.users.active : fa.users.inactive}
                    </Badge>
                    {u.lockedUntil && (
                      <Badge color="red" variant="light" data-testid="user-locked">
                        {fill(fa.security.lockedUntil, { time: jalaliDateTime(u.lockedUntil) })}
                      </Badge>
                    )}
                    {u.sessions > 0 && (
                      <Text size="xs" c="dimmed">
                        {fill(fa.security.sessions, { n: faDigits(u.sessions) })}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={jalaliDateOf(u.createdAt)}>
                    {u.lastLoginAt ? jalaliDateTime(u.lastLoginAt) : fa.security.never}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <UserActions user={u} lists={lists.data} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
