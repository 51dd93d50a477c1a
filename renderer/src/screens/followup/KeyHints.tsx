import { Group, Kbd, Text } from '@mantine/core';

/** A keyboard map shown on screen: each key and what it does. */
export function KeyHints({ keys, testId }: { keys: readonly (readonly [string, string])[]; testId?: string }) {
  return (
    <Group gap="md" style={{ rowGap: 4 }} data-testid={testId}>
      {keys.map(([key, what]) => (
        <Text key={key} size="xs" c="dimmed">
          <Kbd size="xs" dir="ltr">
            {key}
          </Kbd>{' '}
          {what}
        </Text>
      ))}
    </Group>
  );
}
