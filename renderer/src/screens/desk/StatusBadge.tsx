import { Badge, Group } from '@mantine/core';
import type { Instruction } from '../../../../electron/core/contract';
import { fa } from '../../locale/fa';
import { isOverdue, STATUS_LABELS, statusColor } from './display';

/** An instruction's status in plain Persian, marked when an open one is past its due date. */
export function StatusBadge({ instruction }: { instruction: Pick<Instruction, 'status' | 'dueDate'> }) {
  return (
    <Group gap={4} wrap="nowrap" data-testid="instruction-status">
      <Badge color={statusColor(instruction)} variant="light">
        {STATUS_LABELS[instruction.status]}
      </Badge>
      {isOverdue(instruction) && (
        <Badge color="red" variant="filled">
          {fa.desk.overdue}
        </Badge>
      )}
    </Group>
  );
}
