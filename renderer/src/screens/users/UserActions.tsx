import { ActionIcon, Button, Group, Menu, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Lists, Output } from '../../../../electron/core/contract';
import { useAction } from '../../api/hooks';
import { fieldError, notifyError } from '../../components/errors';
import { fa as faDigits } from '../../format';
import { fa, fill } from '../../locale/fa';
import { ROLES_LIST, type RoleName } from '../roles';
import { SaveCancel } from '../../components/SaveCancel';

type AdminRow = Output<'users.list'>[number];

const options = (items: { id: string; name: string; active: boolean }[] | undefined) =>
  (items ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: x.name }));

/** One user's row menu: edit, reset the password, lift a lock, sign out everywhere, (de)activate. The host checks each again. */
export function UserActions({ user, lists }: { user: AdminRow; lists: Lists | undefined }) {
  const [open, setOpen] = useState<'edit' | 'reset' | 'deactivate' | null>(null);
  const setActive = useAction('users.setActive');
  const unlock = useAction('users.unlock');
  const revoke = useAction('users.revokeSessions');
  const close = () => setOpen(null);
  const activate = () =>
    setActive.mutate({ id: user.userId, active: true }, { onSuccess: () => notifications.show({ color: 'teal', message: fa.security.activated }), onError: notifyError });
  const deactivate = () =>
    setActive.mutate(
      { id: user.userId, active: false },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: fa.security.deactivated });
          close();
        },
        onError: (e) => {
          notifyError(e);
          close();
        },
      },
    );
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={fill(fa.security.actions, { name: user.displayName })} data-testid="user-actions">
            <span aria-hidden style={{ fontSize: 22, lineHeight: 1 }}>
              ⋮
            </span>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setOpen('edit')}>{fa.security.edit}</Menu.Item>
          <Menu.Item onClick={() => setOpen('reset')}>{fa.security.resetPassword}</Menu.Item>
          {user.lockedUntil && (
            <Menu.Item
              onClick={() =>
                unlock.mutate({ id: user.userId }, { onSuccess: () => notifications.show({ color: 'teal', message: fa.security.unlocked }), onError: notifyError })
              }
            >
              {fa.security.unlock}
            </Menu.Item>
          )}
          {user.active && (
            <Menu.Item
              onClick={() =>
                revoke.mutate(
                  { id: user.userId },
                  { onSuccess: (r) => notifications.show({ color: 'teal', message: fill(fa.security.revoked, { n: faDigits(r.ended) }) }), onError: notifyError },
                )
              }
            >
              {fa.security.revoke}
            </Menu.Item>
          )}
          {user.active ? (
            <Menu.Item color="red" onClick={() => setOpen('deactivate')}>
              {fa.security.deactivate}
            </Menu.Item>
          ) : (
            <Menu.Item onClick={activate}>{fa.security.activate}</Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {open === 'edit' && <EditUser user={user} lists={lists} onClose={close} />}
      {open === 'reset' && <ResetPassword user={user} onClose={close} />}
      <Modal opened={open === 'deactivate'} onClose={close} title={fa.security.deactivate} centered>
        <Stack>
          <Text>{fill(fa.security.deactivateConfirm, { name: user.displayName })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {fa.app.cancel}
            </Button>
            <Button color="red" onClick={deactivate} loading={setActive.isPending} data-testid="confirm-deactivate">
              {fa.security.deactivate}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function EditUser({ user, lists, onClose }: { user: AdminRow; lists: Lists | undefined; onClose: () => void }) {
  const update = useAction('users.update');
  const [form, setForm] = useState({ displayName: user.displayName, role: user.role as RoleName, unitId: user.unitId, agencyId: user.agencyId });
  const err = (f: string) => fieldError(update.error, f);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { id: user.userId, ...form, unitId: form.role === 'unit' ? form.unitId : null, agencyId: form.role === 'agency' ? form.agencyId : null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: fa.security.updated });
          onClose();
        },
        onError: (e) => {
          if (!(e.field && ['displayName', 'role', 'unitId', 'agencyId'].includes(e.field))) notifyError(e);
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={fill(fa.security.editTitle, { name: user.displayName })} centered>
      <form onSubmit={submit} noValidate data-testid="user-edit">
        <Stack>
          <TextInput label={fa.users.displayName} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })} error={err('displayName')} data-autofocus />
          <Select
            label={fa.users.role}
            data={ROLES_LIST.map((r) => ({ value: r, label: fa.roles[r] }))}
            value={form.role}
            onChange={(v) => setForm({ ...form, role: (v ?? form.role) as RoleName })}
            allowDeselect={false}
            error={err('role')}
            comboboxProps={{ withinPortal: true }}
          />
          {form.role === 'unit' && (
            <Select label={fa.users.unit} data={options(lists?.units)} value={form.unitId} onChange={(v) => setForm({ ...form, unitId: v })} error={err('unitId')} searchable required />
          )}
          {form.role === 'agency' && (
            <Select
              label={fa.users.agency}
              data={options(lists?.agencies)}
              value={form.agencyId}
              onChange={(v) => setForm({ ...form, agencyId: v })}
              error={err('agencyId')}
              searchable
              required
            />
          )}
          <SaveCancel onCancel={onClose} pending={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function ResetPassword({ user, onClose }: { user: AdminRow; onClose: () => void }) {
  const reset = useAction('users.resetPassword');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset.mutate(
      { id: user.userId, password },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: fa.security.passwordReset });
          onClose();
        },
        onError: (e) => {
          if (e.field !== 'password') notifyError(e);
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={fill(fa.security.resetTitle, { name: user.displayName })} centered>
      <form onSubmit={submit} noValidate data-testid="user-reset">
        <Stack>
          <Text size="sm">{fa.security.resetHint}</Text>
          <PasswordInput
            label={fa.security.newPassword}
            description={fa.security.passwordRules}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(reset.error, 'password')}
            dir="ltr"
            data-autofocus
          />
          <SaveCancel onCancel={onClose} pending={reset.isPending} label={fa.security.resetPassword} />
        </Stack>
      </form>
    </Modal>
  );
}
