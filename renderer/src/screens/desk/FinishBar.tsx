import { Alert, Button, Group, Kbd, Paper, Text } from '@mantine/core';
import { fa as faDigits } from '../../format';
import { fa, fill } from '../../locale/fa';

interface Props {
  openCount: number;
  pending: boolean;
  /** The host's message when the visit cannot be finished yet (field `requests`). */
  error: string | undefined;
  onFinish(callNext: boolean): void;
}

/** How many requests still need an instruction, and finishing the visit (F9 calls the next visitor too). */
export function FinishBar({ openCount, pending, error, onFinish }: Props) {
  return (
    <Paper withBorder p="xs" data-testid="finish-bar">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600} c={openCount > 0 ? 'orange.8' : 'teal.8'} data-testid="open-count">
          {openCount > 0 ? fill(fa.desk.open, { n: faDigits(openCount) }) : fa.desk.allIssued}
        </Text>
        <Group gap="xs">
          <Button variant="subtle" size="sm" onClick={() => onFinish(false)} disabled={pending}>
            {fa.desk.finishOnly}
          </Button>
          <Button size="sm" color="indigo" onClick={() => onFinish(true)} loading={pending} data-testid="finish">
            {fa.desk.finish} <Kbd ms="xs">F9</Kbd>
          </Button>
        </Group>
      </Group>
      {error && (
        <Alert color="red" mt="xs" p="xs" role="alert" data-testid="finish-error">
          {error}
        </Alert>
      )}
    </Paper>
  );
}
