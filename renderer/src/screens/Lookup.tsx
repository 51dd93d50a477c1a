import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useCall } from '../api/hooks';
import { fieldErrorExact } from '../components/errors';
import { jalaliDate } from '../format';
import { fa } from '../locale/fa';
import { groupTrackingCode, instructionTarget, jalaliAt, KIND_LABELS, maskedNationalId } from './desk/display';
import { InstructionNotes } from './desk/InstructionView';
import { reprintSlip } from './desk/slips';
import { StatusBadge } from './desk/StatusBadge';
import { plainStatus, TONE_COLORS } from './followup/labels';
import { StepsTimeline } from './followup/StepsTimeline';

function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="div" fw={600}>
        {children}
      </Text>
    </Stack>
  );
}

/**
 * Looks an instruction up by its tracking code (the follow-up desk, or a visitor who calls):
 * any digits, with or without dashes; a wrong code gets the host's Persian message at the
 * field. The answer stays live: a change to the instruction refreshes it.
 */
export function Lookup() {
  const [code, setCode] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const lookup = useCall('instructions.byTrackingCode', { code: asked ?? '' }, { enabled: asked !== null });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (asked === code) void lookup.refetch();
    else setAsked(code);
  };
  const error = asked !== null && asked === code ? lookup.error : null;
  const codeError = fieldErrorExact(error, 'code') ?? error?.message;
  const found = asked !== null && asked === code && !lookup.error ? lookup.data : undefined;
  const i = found?.instruction;
  // The follow-up steps, when the caller may read them (the directorate's follow-up staff).
  const me = useCall('auth.me', {});
  const readsSteps = me.data?.role === 'admin' || me.data?.role === 'official' || me.data?.role === 'followup';
  const steps = useCall('followups.steps', { instructionId: i?.id ?? '' }, { enabled: readsSteps && i !== undefined });
  const plain = i ? plainStatus(i, readsSteps ? steps.data : undefined) : null;
  return (
    <Stack maw={920}>
      <Title order={2}>{fa.lookup.title}</Title>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start">
          <TextInput
            label={fa.lookup.code}
            description={fa.lookup.intro}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={codeError}
            placeholder="۱۲۳-۴۵۶-۷۸۹"
            autoFocus
            size="md"
            style={{ flex: 1 }}
            name="code"
          />
          <Button type="submit" size="md" mt={52} loading={lookup.isFetching}>
            {fa.lookup.search}
          </Button>
        </Group>
      </form>
      {found && i && (
        <Paper withBorder p="md" data-testid="lookup-result">
          <Group justify="space-between" mb="md">
            <Group gap="xs">
              <Text c="dimmed">{fa.desk.trackingCode}</Text>
              <Text fw={800} size="xl" dir="ltr" data-testid="lookup-code">
                {groupTrackingCode(i.trackingCode)}
              </Text>
            </Group>
            <Group gap="xs">
              <StatusBadge instruction={i} />
              <Button size="compact-sm" variant="light" onClick={() => void reprintSlip(i.id)}>
                {fa.desk.reprint}
              </Button>
            </Group>
          </Group>
          {plain && (!readsSteps || steps.data) && (
            <Alert color={TONE_COLORS[plain.tone]} variant="light" title={fa.followup.plain.title} mb="md" data-testid="lookup-plain">
              <Text fw={700} size="lg" data-testid="lookup-sentence">
                {plain.sentence}
              </Text>
              {plain.details.map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
            </Alert>
          )}
          <SimpleGrid cols={3} spacing="md" verticalSpacing="sm" mb="md">
            <Cell label={fa.lookup.client}>
              {found.clientName}{' '}
              <Text span size="xs" c="dimmed" fw={400}>
                {fa.lookup.nationalId}:{' '}
                <span dir="ltr">{maskedNationalId(found.nationalIdTail)}</span>
              </Text>
            </Cell>
            <Cell label={fa.lookup.meeting}>
              {found.meetingTitle}، {jalaliDate(found.meetingDate)}
            </Cell>
            <Cell label={fa.lookup.issued}>{jalaliAt(i.issuedAt)}</Cell>
            <Cell label={fa.lookup.kind}>{KIND_LABELS[i.kind]}</Cell>
            <Cell label={fa.lookup.referredTo}>{instructionTarget(i) || fa.app.none}</Cell>
            <Cell label={fa.lookup.due}>{jalaliDate(i.dueDate)}</Cell>
          </SimpleGrid>
          <Paper bg="gray.0" p="sm" mb="sm">
            <Text size="xs" c="dimmed">
              {fa.lookup.request}: {found.request.categoryName}
            </Text>
            <Text data-testid="lookup-request">{found.request.text}</Text>
          </Paper>
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {fa.lookup.orderText}
            </Text>
            <Text>{i.text}</Text>
            <InstructionNotes instruction={i} />
          </Stack>
          {readsSteps && steps.data && steps.data.length > 0 && (
            <Stack gap={4} mt="md">
              <Text size="xs" c="dimmed">
                {fa.followup.panel.timeline}
              </Text>
              <StepsTimeline steps={steps.data} />
            </Stack>
          )}
        </Paper>
      )}
    </Stack>
  );
}
