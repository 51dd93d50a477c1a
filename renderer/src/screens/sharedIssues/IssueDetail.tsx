import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Lists } from '../../../../electron/core/contract';
import type { SharedIssueDetail, SharedIssueMember } from '../../../../electron/core/contract/sharedIssues';
import { useAction, useCall } from '../../api/hooks';
import { fieldErrorExact, notifyError } from '../../components/errors';
import { fa as faDigits, jalaliDate, jalaliDateOf } from '../../format';
import { fa, fill } from '../../locale/fa';
import { groupTrackingCode, instructionTarget, KIND_SHORT } from '../desk/display';
import { emptyDraft } from '../desk/draft';
import { InstructionForm } from '../desk/InstructionForm';
import { OUTCOME_LABELS } from '../followup/labels';
import { draftOfIssue, IssueForm, type IssueDraft } from './IssueForm';

const t = fa.sharedIssues;

function MemberState({ m }: { m: SharedIssueMember }) {
  const i = m.instruction;
  if (!i) return <Badge color="orange" variant="light">{t.noInstruction}</Badge>;
  const label = i.status === 'closed' && i.outcome ? OUTCOME_LABELS[i.outcome] : t.instructionStates[i.status];
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={i.status === 'open' ? 'blue' : i.outcome === 'not_possible' ? 'orange' : 'teal'} variant="light">
        {label}
      </Badge>
      {!i.shared && (
        <Badge color="gray" variant="outline">
          {t.ownInstruction}
        </Badge>
      )}
    </Group>
  );
}

interface Props {
  id: string;
  lists: Lists | undefined;
  canIssue: boolean;
}

/** One shared issue: its place, the joined clients with each one's instruction, and (for the official) one instruction for all. */
export function IssueDetail({ id, lists, canIssue }: Props) {
  const detail = useCall('sharedIssues.get', { id });
  const settings = useCall('settings.get', {});
  const update = useAction('sharedIssues.update');
  const issue = useAction('sharedIssues.issue');
  const leave = useAction('sharedIssues.leave');
  const [editing, setEditing] = useState(false);
  const [leaving, setLeaving] = useState<SharedIssueMember | null>(null);
  const [leaveReason, setLeaveReason] = useState('');
  const [formKey, setFormKey] = useState(0);

  if (detail.isPending) return <Loader />;
  if (detail.isError) return <Alert color="red">{detail.error.message}</Alert>;
  const d: SharedIssueDetail = detail.data;

  const save = (draft: IssueDraft, status = d.status) =>
    update.mutate(
      { id: d.id, title: draft.title, countyId: draft.countyId ?? '', place: draft.place, categoryId: draft.categoryId ?? '', description: draft.description, status },
      { onSuccess: () => setEditing(false), onError: (e) => notifyError(e) },
    );

  return (
    <Stack gap="sm" data-testid="shared-issue-detail">
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={3} data-testid="shared-issue-title">
              {d.title}
            </Title>
            <Group gap={6}>
              <Badge variant="light">{d.countyName}</Badge>
              <Badge variant="light" color="gray">
                {d.categoryName}
              </Badge>
              <Badge color={d.status === 'open' ? 'teal' : 'gray'}>{t.statuses[d.status]}</Badge>
            </Group>
            {d.place && <Text fw={600}>{d.place}</Text>}
            {d.description && <Text size="sm">{d.description}</Text>}
            <Text size="xs" c="dimmed">
              {fill(t.createdBy, { name: d.createdByName, date: jalaliDateOf(d.createdAt) })}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {t.edit}
            </Button>
            <Button size="xs" variant="default" loading={update.isPending} onClick={() => save(draftOfIssue(d), d.status === 'open' ? 'closed' : 'open')} data-testid="shared-issue-toggle">
              {d.status === 'open' ? t.closeIssue : t.reopenIssue}
            </Button>
          </Group>
        </Group>
      </Paper>

      {d.instruction && (
        <Paper withBorder p="sm" bg="gray.0" data-testid="shared-instruction">
          <Text fw={700} size="sm">
            {t.sharedInstruction}: {KIND_SHORT[d.instruction.kind]} — {instructionTarget(d.instruction)}
            {d.instruction.dueDate && ` — ${jalaliDate(d.instruction.dueDate)}`}
          </Text>
          <Text size="sm">{d.instruction.text}</Text>
          <Text size="xs" c="dimmed">
            {t.laterJoiners}
          </Text>
        </Paper>
      )}

      <Paper withBorder>
        <Group justify="space-between" p="sm" pb={0}>
          <Text fw={700}>{t.members}</Text>
          <Group gap={6}>
            <Badge variant="light">{fill(t.joined, { n: faDigits(d.joinedCount) })}</Badge>
            {d.openCount > 0 && (
              <Badge variant="light" color="blue">
                {fill(t.openCount, { n: faDigits(d.openCount) })}
              </Badge>
            )}
            {d.waitingCount > 0 && (
              <Badge variant="light" color="orange">
                {fill(t.waitingCount, { n: faDigits(d.waitingCount) })}
              </Badge>
            )}
          </Group>
        </Group>
        {d.members.length === 0 ? (
          <Text c="dimmed" p="sm" size="sm">
            {t.noMembers}
          </Text>
        ) : (
          <Table verticalSpacing={6} horizontalSpacing="sm" data-testid="shared-members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.columns.client}</Table.Th>
                <Table.Th>{t.columns.nationalId}</Table.Th>
                <Table.Th>{t.columns.meeting}</Table.Th>
                <Table.Th>{t.columns.request}</Table.Th>
                <Table.Th>{t.columns.tracking}</Table.Th>
                <Table.Th>{t.columns.state}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.members.map((m) => (
                <Table.Tr key={m.requestId} data-testid="shared-member">
                  <Table.Td fw={600}>{m.clientName}</Table.Td>
                  <Table.Td dir="ltr" style={{ textAlign: 'right' }}>
                    {faDigits(m.nationalId)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{jalaliDate(m.meetingDate)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {m.requestText}
                    </Text>
                  </Table.Td>
                  <Table.Td dir="ltr" style={{ textAlign: 'right', whiteSpace: 'nowrap' }} data-testid="member-tracking">
                    {m.instruction ? faDigits(groupTrackingCode(m.instruction.trackingCode)) : '—'}
                  </Table.Td>
                  <Table.Td data-testid="member-state">
                    <MemberState m={m} />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="gray"
                      onClick={() => {
                        setLeaveReason('');
                        leave.reset();
                        setLeaving(m);
                      }}
                    >
                      {t.leave}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      {canIssue && d.status === 'open' && d.waitingCount > 0 && (
        <Paper withBorder p="md" data-testid="shared-issue-instruction">
          <Title order={4}>{t.issueForAll}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            {fill(t.issueForAllHint, { n: faDigits(d.waitingCount) })}
          </Text>
          <InstructionForm
            key={formKey}
            initial={emptyDraft('unit', settings.data?.dueDays)}
            lists={lists}
            dueDays={settings.data?.dueDays}
            mode="issue"
            pending={issue.isPending}
            error={issue.error}
            onSubmit={(fields) =>
              issue.mutate(
                { sharedIssueId: d.id, fields },
                {
                  onSuccess: (r) => {
                    notifications.show({ color: 'teal', message: fill(t.issued, { n: faDigits(r.issued.length) }) });
                    setFormKey((k) => k + 1);
                  },
                  onError: (e) => {
                    if (!fieldErrorExact(e, e.field ?? '')) notifyError(e);
                  },
                },
              )
            }
          />
        </Paper>
      )}

      <Modal opened={editing} onClose={() => setEditing(false)} title={t.edit}>
        {editing && <IssueForm initial={draftOfIssue(d)} lists={lists} pending={update.isPending} error={update.error} onSubmit={(x) => save(x)} onCancel={() => setEditing(false)} />}
      </Modal>
      <Modal opened={leaving !== null} onClose={() => setLeaving(null)} title={leaving ? `${t.leave}: ${leaving.clientName}` : ''}>
        <Stack gap="sm">
          <Textarea
            label={t.leaveReason}
            value={leaveReason}
            onChange={(e) => setLeaveReason(e.currentTarget.value)}
            data-autofocus
            required
            error={fieldErrorExact(leave.error, 'reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setLeaving(null)}>
              {t.cancel}
            </Button>
            <Button
              color="red"
              loading={leave.isPending}
              onClick={() =>
                leaving &&
                leave.mutate({ requestId: leaving.requestId, reason: leaveReason }, { onSuccess: () => setLeaving(null), onError: (e) => e.field !== 'reason' && notifyError(e) })
              }
            >
              {t.leaveConfirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
