import { Badge, Group, Paper, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { DueDays, Lists, RequestWithInstruction } from '../../../../electron/core/contract';
import { useAction } from '../../api/hooks';
import { fa as faDigits } from '../../format';
import { fa, fill } from '../../locale/fa';
import { emptyDraft } from './draft';
import { InstructionForm } from './InstructionForm';
import { InstructionView } from './InstructionView';

interface Props {
  request: RequestWithInstruction;
  index: number;
  lists: Lists | undefined;
  dueDays: DueDays | undefined;
  editable: boolean;
  /** After an instruction is issued for this request (the desk moves the focus on). */
  onIssued(requestId: string): void;
}

/** One request of the current visit, with its instruction or the form to issue one. */
export function RequestCard({ request, index, lists, dueDays, editable, onIssued }: Props) {
  const issue = useAction('instructions.issue');
  const client = useQueryClient();
  const open = request.instruction === null;
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="request-card"
      data-request-id={request.id}
      data-open={open}
      style={open ? { borderInlineStartWidth: 4, borderInlineStartColor: 'var(--mantine-color-orange-5)' } : undefined}
    >
      <Group gap="xs" mb="xs" wrap="nowrap" align="flex-start">
        <Text fw={800} c="teal.8">
          {fill(fa.desk.request, { n: faDigits(index + 1) })}
        </Text>
        <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
          {request.categoryName}
        </Badge>
        {request.urgency === 'urgent' && <Badge color="red">{fa.desk.urgent}</Badge>}
        {request.sharedIssueTitle && (
          <Badge color="grape" variant="light" style={{ flexShrink: 0 }} data-testid="shared-issue-badge">
            {fill(fa.sharedIssues.badge, { title: request.sharedIssueTitle })}
          </Badge>
        )}
        <Text fw={600} style={{ flex: 1 }} data-testid="request-text">
          {request.text}
        </Text>
      </Group>
      {request.instruction ? (
        <InstructionView instruction={request.instruction} lists={lists} dueDays={dueDays} editable={editable} />
      ) : editable ? (
        <InstructionForm
          initial={emptyDraft('answered', dueDays)}
          lists={lists}
          dueDays={dueDays}
          mode="issue"
          pending={issue.isPending}
          error={issue.error}
          onSubmit={(fields) =>
            issue.mutate(
              { requestId: request.id, fields },
              {
                onSuccess: async () => {
                  onIssued(request.id);
                  await client.invalidateQueries({ queryKey: ['visits.detail'] });
                },
              },
            )
          }
        />
      ) : (
        <Text c="dimmed">{fa.desk.history.noInstruction}</Text>
      )}
    </Paper>
  );
}
