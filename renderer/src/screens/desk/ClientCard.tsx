import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { VisitDetail } from '../../../../electron/core/contract';
import { fa as faDigits, jalaliDate } from '../../format';
import { fa, fill } from '../../locale/fa';
import { ageOf } from './display';

function Fact({ label, value, ltr }: { label: string; value: string; ltr?: boolean }) {
  if (!value) return null;
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}:{' '}
      </Text>
      <Text span dir={ltr ? 'ltr' : undefined} fw={500}>
        {value}
      </Text>
    </Text>
  );
}

/** The visitor at the desk: ticket, name, identity, contact and circumstances, on one band. */
export function ClientCard({ detail }: { detail: VisitDetail }) {
  const { client: c, visit: v } = detail;
  return (
    <Paper withBorder p="sm" bg="teal.0" data-testid="client-card">
      <Group align="center" wrap="nowrap" gap="lg">
        <Stack gap={0} align="center" miw={80}>
          <Text size="xs" c="dimmed">
            {fa.queue.ticket}
          </Text>
          <Text fz={44} fw={800} lh={1} c="teal.8" data-testid="desk-ticket">
            {faDigits(v.ticket)}
          </Text>
        </Stack>
        <Stack gap={4} style={{ flex: 1 }}>
          <Group gap="xs">
            <Text fw={800} size="xl" data-testid="desk-client-name">
              {c.firstName} {c.lastName}
            </Text>
            <Badge variant="light" color="gray">
              {fa.client.sexes[c.sex]}
              {c.birthDate ? `، ${fill(fa.desk.client.age, { n: faDigits(ageOf(c.birthDate)) })}` : ''}
            </Badge>
            {v.priority !== 'none' && (
              <Badge color="orange">{fill(fa.desk.priority, { reason: v.priorityReason || fa.intake.priorities[v.priority] })}</Badge>
            )}
            {c.circumstances.length === 0 ? (
              <Text size="sm" c="dimmed">
                {fa.desk.client.noCircumstance}
              </Text>
            ) : (
              c.circumstances.map((k) => (
                <Badge key={k} color="grape" variant="light">
                  {fa.client.circumstanceNames[k]}
                </Badge>
              ))
            )}
          </Group>
          <Group gap="lg" style={{ rowGap: 2 }}>
            <Fact label={fa.desk.client.nationalId} value={faDigits(c.nationalId)} ltr />
            <Fact label={fa.desk.client.fatherName} value={c.fatherName} />
            <Fact label={fa.desk.client.birthDate} value={c.birthDate ? jalaliDate(c.birthDate) : ''} />
            <Fact label={fa.desk.client.mobile} value={c.mobile ? faDigits(c.mobile) : ''} ltr />
            <Fact label={fa.desk.client.county} value={c.countyName ?? ''} />
            <Fact label={fa.desk.client.fileNumber} value={c.fileNumber ? faDigits(c.fileNumber) : ''} />
            <Fact label={fa.desk.client.address} value={c.address} />
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
