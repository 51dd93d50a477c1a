import { Button, Group, Menu, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { session } from '../api/client';
import { useAction } from '../api/hooks';
import { fa } from '../locale/fa';
import { fieldError, notifyError } from './errors';
import { SaveCancel } from './SaveCancel';

/** The signed-in user's own account, next to the logout button: change my password, sign out everywhere. */
export function AccountMenu() {
  const [open, setOpen] = useState<'password' | 'everywhere' | null>(null);
  const everywhere = useAction('auth.logoutEverywhere');
  const close = () => setOpen(null);
  const signOutEverywhere = () =>
    everywhere.mutate(
      {},
      {
        onSettled: () => session.set(null),
        onError: notifyError,
      },
    );
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="subtle" size="xs" data-testid="account-menu">
            {fa.security.account}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setOpen('password')}>{fa.security.changePassword}</Menu.Item>
          <Menu.Item color="red" onClick={() => setOpen('everywhere')}>
            {fa.security.logoutEverywhere}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {open === 'password' && <ChangePassword onClose={close} />}
      <Modal opened={open === 'everywhere'} onClose={close} title={fa.security.logoutEverywhere} centered>
        <Stack>
          <Text>{fa.security.logoutEverywhereConfirm}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {fa.app.cancel}
            </Button>
            <Button color="red" onClick={signOutEverywhere} loading={everywhere.isPending} data-testid="confirm-logout-everywhere">
              {fa.security.logoutEverywhere}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function ChangePassword({ onClose }: { onClose: () => void }) {
  const change = useAction('auth.changePassword');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(
      { current, next },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: fa.security.passwordChanged });
          onClose();
        },
        onError: (e) => {
          if (e.field !== 'current' && e.field !== 'next') notifyError(e);
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={fa.security.changePassword} centered>
      <form onSubmit={submit} noValidate data-testid="change-password">
        <Stack>
          <Text size="sm">{fa.security.changeHint}</Text>
          <PasswordInput label={fa.security.currentPassword} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={fieldError(change.error, 'current')} dir="ltr" data-autofocus />
          <PasswordInput
            label={fa.security.newPassword}
            description={fa.security.passwordRules}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={fieldError(change.error, 'next')}
            dir="ltr"
          />
          <SaveCancel onCancel={onClose} pending={change.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
