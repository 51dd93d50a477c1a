import { Alert, Badge, Group, Paper, Select, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Actor } from '../../../../electron/core/contract';
import type { AgencyDeskItem } from '../../../../electron/core/contract/fieldDesk';
import { useCall } from '../../api/hooks';
import { fa as faDigits, jalaliDate } from '../../format';
import { fa } from '../../locale/fa';
import { groupTrackingCode } from '../desk/display';
import { CloseForm } from '../followup/CloseForm';
import { TakeForm } from './TakeForm';

const t = fa.fieldDesk;

/** One request handed to the agency at the table: who, what, and the two ways to deal with it. */
function WaitingCard({ item, reasons }: { item: AgencyDeskItem; reasons: Parameters<typeof CloseForm>[0]['reasons'] }) {
  const [mode, setMode] = useState<'answer' | 'take'>('answer');
  const i = item.instruction;
  return (
    <Paper withBorder p="md" data-testid="agency-item" data-instruction-id={i.id}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={700} size="lg">
              {item.clientName}
            </Text>
            <Text size="sm" c="dimmed">
              {t.nationalIdTail}: <span dir="ltr">{faDigits(item.nationalIdTail)}</span>
              {item.mobile && (
                <>
                  {' · '}
                  {t.mobile}: <span dir="ltr">{faDigits(item.mobile)}</span>
                </>
              )}
            </Text>
          </div>
          <Stack gap={2} align="flex-end">
            <Badge variant="light">{item.categoryName}</Badge>
            <Text size="xs" c="dimmed">
              {item.meetingTitle}
              {item.desk ? ` · ${item.desk}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {t.trackingCode}: <span dir="ltr">{faDigits(groupTrackingCode(i.trackingCode))}</span>
            </Text>
          </Stack>
        </Group>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t.request}:{' '}
          </Text>
          {item.requestText}
        </Text>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t.instruction}:{' '}
          </Text>
          {i.text}
        </Text>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as 'answer' | 'take')}
          data={[
            { value: 'answer', label: t.answer },
            { value: 'take', label: t.take },
          ]}
          w="fit-content"
          data-testid="agency-mode"
        />
        {mode === 'answer' ? (
          <CloseForm instruction={i} reasons={reasons} onSaved={() => undefined} method="agencyDesk.answer" savedMessage={t.answered} />
        ) : (
          <TakeForm instruction={i} onSaved={() => undefined} />
        )}
      </Stack>
    </Paper>
  );
}

/**
 * An agency's desk at a field meeting: what the presiding official handed to it at the table
 * appears here at once (the host's event), to be answered there or taken with a due date.
 */
export function AgencyDeskScreen({ me }: { me: Actor }) {
  const lists = useCall('lists.all', {});
  const [picked, setPicked] = useState<string | null>(null);
  const isRepresentative = me.role === 'agency';
  const list = useCall('agencyDesk.list', { agencyId: isRepresentative ? null : picked }, { enabled: isRepresentative || picked !== null });
  const items = list.data?.items ?? [];
  const waiting = items.filter((i) => i.state === 'waiting');
  const done = items.filter((i) => i.state !== 'waiting');
  const reasons = lists.data?.outcomeReasons ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>
            {t.title}
            {list.data ? ` — ${list.data.agencyName}` : ''}
          </Title>
          <Text size="sm" c="dimmed">
            {t.live}
          </Text>
        </div>
        {!isRepresentative && (
          <Select
            label={t.agencyPick}
            data={(lists.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={picked}
            onChange={setPicked}
            searchable
            w={260}
          />
        )}
      </Group>
      {list.data && items.length === 0 && <Alert color="gray">{t.none}</Alert>}
      {waiting.length > 0 && (
        <Stack gap="sm">
          <Title order={4}>
            {t.waitingTitle} ({faDigits(waiting.length)})
          </Title>
          {waiting.map((item) => (
            <WaitingCard key={item.instruction.id} item={item} reasons={reasons} />
          ))}
        </Stack>
      )}
      {done.length > 0 && (
        <Stack gap="xs">
          <Title order={4}>{t.doneTitle}</Title>
          <Paper withBorder>
            <Table striped data-testid="agency-done">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.client}</Table.Th>
                  <Table.Th>{t.request}</Table.Th>
                  <Table.Th>{t.trackingCode}</Table.Th>
                  <Table.Th>{t.outcome}</Table.Th>
                  <Table.Th>{t.dueDate}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {done.map((item) => (
                  <Table.Tr key={item.instruction.id}>
                    <Table.Td>{item.clientName}</Table.Td>
                    <Table.Td>{item.requestText}</Table.Td>
                    <Table.Td dir="ltr">{faDigits(groupTrackingCode(item.instruction.trackingCode))}</Table.Td>
                    <Table.Td>
                      <Badge color={item.state === 'answered' ? 'teal' : 'blue'} variant="light">
                        {t.states[item.state]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{item.instruction.dueDate ? jalaliDate(item.instruction.dueDate) : fa.app.none}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
    </Stack>
  );
}
