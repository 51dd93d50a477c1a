import { ActionIcon, Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Campaign, CallerKind } from '../../../../electron/core/contract/campaigns';
import { useAction, useCall } from '../../api/hooks';
import { fieldError, notifyError } from '../../components/errors';
import { fa, fill, keysOf } from '../../locale/fa';
import { n } from './labels';

interface Row {
  userId: string;
  kind: CallerKind;
}

const sameRows = (a: readonly Row[], b: readonly Row[]) => JSON.stringify(a) === JSON.stringify(b);

/** The organizer names the callers and their kinds, and draws (or tops up) the call list. */
export function CallersPanel({ campaign }: { campaign: Campaign }) {
  const staff = useCall('campaigns.staff', {});
  const save = useAction('campaigns.setCallers');
  const draw = useAction('campaigns.draw');
  const saved: Row[] = campaign.callers.map((c) => ({ userId: c.userId, kind: c.kind }));
  // The edited list, or null while it is the saved one (so a change saved elsewhere shows at once).
  const [edited, setRows] = useState<Row[] | null>(null);
  const rows = edited ?? saved;
  const [userId, setUserId] = useState<string | null>(null);
  const [kind, setKind] = useState<CallerKind | null>('state_social_worker');
  const dirty = !sameRows(rows, saved);
  const nameOf = (id: string) => staff.data?.find((s) => s.userId === id)?.displayName ?? campaign.callers.find((c) => c.userId === id)?.displayName ?? '…';
  const stats = (id: string) => campaign.callers.find((c) => c.userId === id);
  const kindOptions = keysOf(fa.campaigns.kinds).map((k) => ({ value: k, label: fa.campaigns.kinds[k] }));

  const add = () => {
    if (!userId || !kind || rows.some((r) => r.userId === userId)) return;
    setRows([...rows, { userId, kind }]);
    setUserId(null);
  };
  const submit = () =>
    save.mutate(
      { campaignId: campaign.id, callers: rows },
      {
        onSuccess: (r) => {
          setRows(null);
          notifications.show({ color: 'teal', message: fill(fa.campaigns.callers.saved, { reassigned: n(r.reassigned) }) });
        },
        onError: (e) => !fieldError(e, 'callers') && !fieldError(e, 'userId') && !fieldError(e, 'kind') && notifyError(e),
      },
    );
  const onDraw = () =>
    draw.mutate(
      { campaignId: campaign.id },
      {
        onSuccess: (r) => notifications.show({ color: 'teal', message: fill(fa.campaigns.callers.drawn, { added: n(r.added), total: n(r.campaign.targets.total) }) }),
        onError: notifyError,
      },
    );
  const error = fieldError(save.error, 'callers') ?? fieldError(save.error, 'userId') ?? fieldError(save.error, 'kind');

  return (
    <Stack gap="sm">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>{fa.campaigns.callers.heading}</Title>
          <Text size="sm" c="dimmed">
            {fa.campaigns.callers.shareRule}
          </Text>
          <Group align="flex-end" gap="sm">
            <Select
              label={fa.campaigns.callers.user}
              data={(staff.data ?? []).filter((s) => !rows.some((r) => r.userId === s.userId)).map((s) => ({ value: s.userId, label: `${s.displayName} (${fa.roles[s.role]})` }))}
              value={userId}
              onChange={setUserId}
              searchable
              w={280}
              data-testid="caller-user"
            />
            <Select label={fa.campaigns.callers.kind} data={kindOptions} value={kind} onChange={(v) => setKind(v as CallerKind | null)} w={220} allowDeselect={false} data-testid="caller-kind" />
            <Button variant="light" onClick={add} disabled={!userId || !kind} data-testid="caller-add">
              {fa.campaigns.callers.add}
            </Button>
          </Group>
          {rows.length === 0 ? (
            <Text c="dimmed" size="sm">
              {fa.campaigns.callers.none}
            </Text>
          ) : (
            <Table verticalSpacing={6} data-testid="caller-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{fa.campaigns.callers.user}</Table.Th>
                  <Table.Th w={240}>{fa.campaigns.callers.kind}</Table.Th>
                  <Table.Th ta="center">{fa.campaigns.callers.targets}</Table.Th>
                  <Table.Th ta="center">{fa.campaigns.callers.open}</Table.Th>
                  <Table.Th ta="center">{fa.campaigns.callers.calls}</Table.Th>
                  <Table.Th w={60} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={r.userId} data-testid="caller-row">
                    <Table.Td>{nameOf(r.userId)}</Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        data={kindOptions}
                        value={r.kind}
                        allowDeselect={false}
                        onChange={(v) => v && setRows(rows.map((x, j) => (j === i ? { ...x, kind: v as CallerKind } : x)))}
                        aria-label={fa.campaigns.callers.kind}
                      />
                    </Table.Td>
                    <Table.Td ta="center">{n(stats(r.userId)?.targets ?? 0)}</Table.Td>
                    <Table.Td ta="center">{n(stats(r.userId)?.open ?? 0)}</Table.Td>
                    <Table.Td ta="center">{n(stats(r.userId)?.calls ?? 0)}</Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={fa.campaigns.callers.remove} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="space-between">
            <Text size="sm" c="orange">
              {dirty ? fa.campaigns.callers.unsaved : ''}
            </Text>
            <Button onClick={submit} disabled={!dirty} loading={save.isPending} data-testid="callers-save">
              {fa.campaigns.callers.save}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {fa.campaigns.callers.drawRule}
          </Text>
          <Button color="teal" onClick={onDraw} loading={draw.isPending} disabled={dirty || campaign.callers.length === 0} data-testid="campaign-draw">
            {campaign.drawnAt ? fa.campaigns.callers.drawAgain : fa.campaigns.callers.draw}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
