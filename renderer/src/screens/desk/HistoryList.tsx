import { Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { HistoryVisit } from '../../../../electron/core/contract';
import { fa as faDigits, jalaliDate } from '../../format';
import { fa, fill } from '../../locale/fa';
import { formatToman, groupTrackingCode, instructionTarget, instructionToman, KIND_LABELS, VISIT_STATUS_LABELS } from './display';
import { reprintSlip } from './slips';
import { StatusBadge } from './StatusBadge';

/** The client's earlier visits at any meeting: each request, its instruction and where it stands now. */
export function HistoryList({ history }: { history: HistoryVisit[] }) {
  return (
    <Paper withBorder p="sm" data-testid="history">
      <Title order={5} mb="xs">
        {fa.desk.history.title} ({faDigits(history.length)})
      </Title>
      {history.length === 0 ? (
        <Text c="dimmed" size="sm">
          {fa.desk.history.none}
        </Text>
      ) : (
        <Stack gap="sm">
          {history.map((h, n) => (
            <Stack key={h.visitId} gap={6} data-testid="history-visit">
              {n > 0 && <Divider />}
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fw={700} size="sm">
                  {fill(fa.desk.history.visit, { meeting: h.meetingTitle, date: jalaliDate(h.meetingDate), ticket: faDigits(h.ticket) })}
                </Text>
                <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                  {VISIT_STATUS_LABELS[h.status]}
                </Badge>
              </Group>
              {h.requests.map((r) => {
                const i = r.instruction;
                const toman = i ? instructionToman(i) : null;
                return (
                  <Paper key={r.id} bg="gray.0" p={8} radius="sm" data-testid="history-request">
                    <Text size="sm">
                      <Text span c="dimmed" size="sm">
                        [{r.categoryName}]{' '}
                      </Text>
                      {r.text}
                    </Text>
                    {i ? (
                      <Stack gap={2} mt={4}>
                        <Group gap={6} wrap="wrap">
                          <Badge size="sm" variant="outline">
                            {KIND_LABELS[i.kind]}
                          </Badge>
                          {instructionTarget(i) && <Text size="xs" fw={600}>{instructionTarget(i)}</Text>}
                          <StatusBadge instruction={i} />
                        </Group>
                        <Text size="xs">{i.text}</Text>
                        <Group gap="sm" wrap="wrap">
                          <Text size="xs" c="dimmed">
                            {fa.desk.trackingCode}:{' '}
                            <Text span size="xs" fw={700} c="dark" dir="ltr" data-testid="tracking-code">
                              {groupTrackingCode(i.trackingCode)}
                            </Text>
                          </Text>
                          {i.dueDate && (
                            <Text size="xs" c="dimmed">
                              {fa.desk.due}: {jalaliDate(i.dueDate)}
                            </Text>
                          )}
                          {toman !== null && (
                            <Text size="xs" c="dimmed">
                              {formatToman(toman)} {fa.desk.toman}
                            </Text>
                          )}
                          {i.amendedAt && (
                            <Text size="xs" c="orange.8">
                              {fill(fa.desk.version, { n: faDigits(i.version) })}
                            </Text>
                          )}
                          <Button size="compact-xs" variant="subtle" onClick={() => void reprintSlip(i.id)}>
                            {fa.desk.reprint}
                          </Button>
                        </Group>
                      </Stack>
                    ) : (
                      <Text size="xs" c="dimmed" mt={2}>
                        {fa.desk.history.noInstruction}
                      </Text>
                    )}
                  </Paper>
                );
              })}
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
