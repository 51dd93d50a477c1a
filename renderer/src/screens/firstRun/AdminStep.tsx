import { PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { fa } from '../../locale/fa';
import type { StepProps } from './stepProps';

/** Step 4: the first admin account (there is no default password). */
export function AdminStep({ state, set, error }: StepProps) {
  return (
    <Stack maw={440}>
      <Text size="sm" c="dimmed">
        {fa.setup.adminIntro}
      </Text>
      <TextInput
        label={fa.setup.displayName}
        value={state.displayName}
        onChange={(e) => set({ displayName: e.currentTarget.value })}
        error={error('displayName')}
        name="displayName"
        required
        data-autofocus
      />
      <TextInput
        label={fa.setup.username}
        value={state.username}
        onChange={(e) => set({ username: e.currentTarget.value })}
        error={error('username')}
        name="username"
        required
        dir="ltr"
        autoComplete="username"
      />
      <PasswordInput
        label={fa.setup.password}
        description={fa.security.passwordRules}
        value={state.password}
        onChange={(e) => set({ password: e.currentTarget.value })}
        error={error('password')}
        name="password"
        required
        dir="ltr"
        autoComplete="new-password"
      />
      <PasswordInput
        label={fa.setup.repeat}
        value={state.repeat}
        onChange={(e) => set({ repeat: e.currentTarget.value })}
        error={error('repeat')}
        name="repeat"
        required
        dir="ltr"
        autoComplete="new-password"
      />
    </Stack>
  );
}
