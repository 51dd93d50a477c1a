import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { session } from '../api/client';
import { useAction } from '../api/hooks';
import { enterMovesOn } from '../components/enterMovesOn';
import { fieldError } from '../components/errors';
import { fa } from '../locale/fa';

/** The first run on a fresh database: the first admin account is created here (there is no default password). */
export function FirstRun() {
  const setup = useAction('auth.setup');
  const [form, setForm] = useState({ username: '', displayName: '', password: '', repeat: '' });
  const [mismatch, setMismatch] = useState(false);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.password !== form.repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setup.mutate(
      { username: form.username, displayName: form.displayName, password: form.password },
      { onSuccess: (s) => session.set(s.token) },
    );
  };
  const err = (f: string) => fieldError(setup.error, f);

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={440}>
        <form onSubmit={submit} onKeyDown={enterMovesOn} noValidate>
          <Stack>
            <Title order={2}>{fa.setup.title}</Title>
            <Text size="sm" c="dimmed">
              {fa.setup.intro}
            </Text>
            <TextInput label={fa.setup.displayName} value={form.displayName} onChange={set('displayName')} error={err('displayName')} required autoFocus />
            <TextInput label={fa.setup.username} value={form.username} onChange={set('username')} error={err('username')} required dir="ltr" />
            <PasswordInput label={fa.setup.password} value={form.password} onChange={set('password')} error={err('password')} required dir="ltr" />
            <PasswordInput
              label={fa.setup.repeat}
              value={form.repeat}
              onChange={set('repeat')}
              error={mismatch ? fa.setup.mismatch : undefined}
              required
              dir="ltr"
              data-enter="own"
            />
            {setup.error && !setup.error.field && <Text c="red">{setup.error.message}</Text>}
            <Button type="submit" loading={setup.isPending}>
              {fa.setup.submit}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
