import { Alert, Badge, Button, Code, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useCall } from '../../api/hooks';
import { JalaliDateInput } from '../../components/JalaliDateInput';
import { fa as faDigits, jalaliDateOf, tehranTime } from '../../format';
import { fa, fill } from '../../locale/fa';

const t = fa.audit;
const PAGE = 100;
/** The most one read returns (the contract's limit). */
const MOST = 500;

/** Before or after as readable, indented JSON (left to right), or «—». */
function pretty(json: string | null): string {
  if (json === null) return fa.app.none;
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** The chain's state, checked when the screen opens and on demand. */
function ChainState() {
  const check = useCall('audit.verify', {});
  if (!check.data) return null;
  const c = check.data;
  return (
    <Alert color={c.broken ? 'red' : 'teal'} data-testid="audit-chain">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text fw={600}>
            {c.broken
              ? fill(t.chainBroken, { seq: faDigits(c.broken.seq), reason: t.reasons[c.broken.reason] })
              : fill(t.chainOk, { n: faDigits(c.entries), seq: faDigits(c.head?.seq ?? 0) })}
          </Text>
          {c.head && (
            <Text size="xs" c="dimmed">
              {t.head}: <span dir="ltr">{c.head.hash}</span>
            </Text>
          )}
        </div>
        <Button size="xs" variant="light" onClick={() => void check.refetch()} loading={check.isFetching}>
          {t.checkAgain}
        </Button>
      </Group>
    </Alert>
  );
}

/** The audit log: who changed which record when, before and after; filters; the chain's check. */
export function AuditScreen() {
  const [entity, setEntity] = useState<string | null>(null);
  const [entityId, setEntityId] = useState('');
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<number | null>(null);
  const list = useCall('audit.list', { entity, entityId: entityId.trim() || null, action, from, to, limit });

  return (
    <Stack>
      <div>
        <Title order={2}>{t.title}</Title>
        <Text size="sm" c="dimmed">
          {t.hint}
        </Text>
      </div>
      <ChainState />
      <Paper withBorder p="sm">
        <SimpleGrid cols={5} spacing="xs">
          <Select label={t.entity} data={Object.entries(t.entities).map(([value, label]) => ({ value, label }))} value={entity} onChange={setEntity} clearable searchable />
          <TextInput label={t.recordId} value={entityId} onChange={(e) => setEntityId(e.currentTarget.value)} dir="ltr" />
          <Select label={t.action} data={Object.entries(t.actions).map(([value, label]) => ({ value, label }))} value={action} onChange={setAction} clearable searchable />
          <JalaliDateInput label={t.from} value={from} onChange={setFrom} name="from" />
          <JalaliDateInput label={t.to} value={to} onChange={setTo} name="to" />
        </SimpleGrid>
      </Paper>
      {list.data && (
        <Text size="sm" c="dimmed">
          {fill(t.total, { n: faDigits(list.data.total) })}
        </Text>
      )}
      <Paper withBorder>
        {list.data && list.data.rows.length === 0 ? (
          <Text p="lg" c="dimmed">
            {t.none}
          </Text>
        ) : (
          <Table striped highlightOnHover data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.seq}</Table.Th>
                <Table.Th>{t.at}</Table.Th>
                <Table.Th>{t.who}</Table.Th>
                <Table.Th>{t.action}</Table.Th>
                <Table.Th>{t.entity}</Table.Th>
                <Table.Th>{t.recordId}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.rows.map((r) => (
                <Fragment key={r.seq}>
                  <Table.Tr data-testid="audit-row">
                    <Table.Td>{faDigits(r.seq)}</Table.Td>
                    <Table.Td>
                      {jalaliDateOf(r.at)}، {tehranTime(r.at)}
                    </Table.Td>
                    <Table.Td>{r.userName ?? t.system}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t.actions[r.action] ?? r.action}</Badge>
                    </Table.Td>
                    <Table.Td>{t.entities[r.entity] ?? r.entity}</Table.Td>
                    <Table.Td dir="ltr">
                      <Text size="xs" ff="monospace">
                        {r.entityId.slice(0, 13)}…
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === r.seq ? null : r.seq)}>
                        {t.details}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                  {open === r.seq && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <SimpleGrid cols={2}>
                          <div>
                            <Text size="sm" fw={600}>
                              {t.before}
                            </Text>
                            <Code block dir="ltr">
                              {pretty(r.before)}
                            </Code>
                          </div>
                          <div>
                            <Text size="sm" fw={600}>
                              {t.after}
                            </Text>
                            <Code block dir="ltr">
                              {pretty(r.after)}
                            </Code>
                          </div>
                        </SimpleGrid>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {list.data && list.data.total > limit && limit < MOST && (
        <Group justify="center">
          <Button variant="light" onClick={() => setLimit((l) => Math.min(MOST, l + PAGE))}>
            {t.more}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
