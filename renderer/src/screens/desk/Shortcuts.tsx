import { Group, Kbd, Text } from '@mantine/core';
import { fa } from '../../locale/fa';

/** The desk's keyboard map, always on screen. */
export function Shortcuts() {
  return (
    <Group gap="md" style={{ rowGap: 4 }} data-testid="shortcuts" aria-label={fa.desk.keysTitle}>
      {fa.desk.keys.map(([key, what]) => (
        <Text key={key} size="xs" c="dimmed">
          <Kbd size="xs" dir="ltr">
            {key}
          </Kbd> {what}
        </Text>
      ))}
    </Group>
  );
}
