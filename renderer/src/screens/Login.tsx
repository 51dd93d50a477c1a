import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { session } from '../api/client';
import { useAction } from '../api/hooks';
import { enterMovesOn } from '../components/enterMovesOn';
import { fa } from '../locale/fa';

export function Login({ directorate }: { directorate: string }) {
  const login = useAction('auth.login');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username, password }, { onSuccess: (s) => session.set(s.token) });
  };
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={400}>
        <form onSubmit={submit} onKeyDown={enterMovesOn} noValidate>
          <Stack>
            <Title order={2}>{fa.login.title}</Title>
            <Text size="sm" c="dimmed">
              {directorate}
            </Text>
            <TextInput label={fa.login.username} value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoFocus dir="ltr" />
            <PasswordInput
              label={fa.login.password}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={login.error?.message}
              dir="ltr"
              data-enter="own"
            />
            <Button type="submit" loading={login.isPending}>
              {fa.login.submit}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
