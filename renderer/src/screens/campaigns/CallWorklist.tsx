import { ActionIcon, Badge, Button, Grid, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Actor } from '../../../../electron/core/contract';
import type { CallResult, Campaign, WorklistItem } from '../../../../electron/core/contract/campaigns';
import { useAction, useCall } from '../../api/hooks';
import { fieldError, fieldErrorExact, notifyError } from '../../components/errors';
import { JalaliDateInput } from '../../components/JalaliDateInput';
import { fa as faDigits, jalaliDate } from '../../format';
import { fa, fill, keysOf } from '../../locale/fa';
import { KeyHints } from '../followup/KeyHints';
import { n } from './labels';

const RESULT_KEYS: Record<string, CallResult> = { '1': 'reached', '۱': 'reached', '2': 'not_reached', '۲': 'not_reached', '3': 'call_back', '۳': 'call_back' };
const RESULT_COLORS: Record<CallResult, string> = { reached: 'teal', not_reached: 'gray', call_back: 'orange' };

function isTextField(el: EventTarget): boolean {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
}

/**
 * The caller's keyboard-first list: the next client (name, mobile, county) on one side, the
 * call's result, note and the requests raised on the other. 1 / 2 / 3 pick the result (Alt+
 * from inside a field), Enter saves and moves on to the next client.
 */
export function CallWorklist({ campaign, me }: { campaign: Campaign; me: Actor }) {
  const [callerId, setCallerId] = useState<string | null>(campaign.myKind ? me.userId : null);
  const list = useCall('campaigns.worklist', { campaignId: campaign.id, callerId, limit: 200 });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const selected = items.find((i) => i.targetId === selectedId) ?? items[0] ?? null;
  const index = selected ? items.indexOf(selected) : -1;
  const move = (delta: number) => {
    const next = items[Math.max(0, Math.min(items.length - 1, index + delta))];
    if (next) setSelectedId(next.targetId);
  };

  // Calls are recorded by the campaign's callers (or the admin, for the caller a client is assigned to).
  const mayRecord = campaign.myKind !== null || me.role === 'admin';
  if (!campaign.myKind && !campaign.canManage) return <Text c="dimmed">{fa.campaigns.work.notCaller}</Text>;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <KeyHints keys={fa.campaigns.work.keys} />
        <Group gap="sm">
          {campaign.canManage && (
            <Select
              size="xs"
              w={240}
              placeholder={fa.campaigns.work.allCallers}
              data={campaign.callers.map((c) => ({ value: c.userId, label: `${c.displayName} — ${fa.campaigns.kinds[c.kind]}` }))}
              value={callerId}
              onChange={setCallerId}
              clearable
              aria-label={fa.campaigns.work.caller}
            />
          )}
          <Text size="sm" c="dimmed" data-testid="work-remaining">
            {fill(fa.campaigns.work.remaining, { n: n(list.data?.total ?? 0) })}
          </Text>
        </Group>
      </Group>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder style={{ maxHeight: 'calc(100vh - 320px)', overflow: 'auto' }}>
            {items.length === 0 ? (
              <Text c="dimmed" p="xl" ta="center" data-testid="work-empty">
                {fa.campaigns.work.empty}
              </Text>
            ) : (
              <Table highlightOnHover verticalSpacing={6} data-testid="work-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{fa.campaigns.work.client}</Table.Th>
                    <Table.Th>{fa.campaigns.work.mobile}</Table.Th>
                    <Table.Th>{fa.campaigns.work.county}</Table.Th>
                    <Table.Th>{fa.campaigns.work.status}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr
                      key={item.targetId}
                      onClick={() => setSelectedId(item.targetId)}
                      data-testid="work-row"
                      data-selected={item === selected ? 'true' : undefined}
                      style={{ cursor: 'pointer', background: item === selected ? 'var(--mantine-color-blue-0)' : undefined, boxShadow: item === selected ? 'inset -4px 0 0 var(--mantine-color-blue-6)' : undefined }}
                    >
                      <Table.Td fw={item === selected ? 700 : 500}>{item.clientName}</Table.Td>
                      <Table.Td>
                        <Text size="sm" dir="ltr" ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {faDigits(item.mobile)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{item.countyName}</Table.Td>
                      <Table.Td>
                        <StatusBadge item={item} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {selected && !mayRecord ? (
            <Paper withBorder p="xl">
              <Text c="dimmed">{fa.campaigns.work.notCaller}</Text>
            </Paper>
          ) : selected ? (
            <CallForm key={selected.targetId} item={selected} onMove={move} onSaved={() => setSelectedId(items[index + 1]?.targetId ?? null)} />
          ) : (
            <Paper withBorder p="xl">
              <Text c="dimmed">{fa.campaigns.work.pick}</Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function StatusBadge({ item }: { item: WorklistItem }) {
  if (item.status === 'call_back') {
    return (
      <Badge variant="light" color="orange" style={{ whiteSpace: 'nowrap' }}>
        {item.callbackOn ? fill(fa.campaigns.work.callbackOn, { date: jalaliDate(item.callbackOn) }) : fa.campaigns.statuses.call_back}
      </Badge>
    );
  }
  return (
    <Badge variant="light" color="blue">
      {fa.campaigns.statuses[item.status]}
    </Badge>
  );
}

interface RequestRow {
  categoryId: string | null;
  text: string;
}

function CallForm({ item, onMove, onSaved }: { item: WorklistItem; onMove(delta: number): void; onSaved(): void }) {
  const lists = useCall('lists.all', {});
  const record = useAction('campaigns.recordCall');
  const [result, setResult] = useState<CallResult | null>(null);
  const [note, setNote] = useState('');
  const [callbackOn, setCallbackOn] = useState<string | null>(null);
  const [requests, setRequests] = useState<RequestRow[]>([{ categoryId: null, text: '' }]);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  const categories = (lists.data?.categories ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }));

  const choose = (r: CallResult) => {
    setResult(r);
    if (r !== 'call_back') setCallbackOn(null);
    if (r === 'reached') setTimeout(() => panel.current?.querySelector<HTMLInputElement>('[data-testid="request-category-0"]')?.focus(), 0);
  };
  const save = () => {
    if (!result) {
      notifications.show({ color: 'orange', message: fa.campaigns.work.chooseResult });
      return;
    }
    const raised = result === 'reached' ? requests.filter((r) => r.categoryId || r.text.trim()) : [];
    record.mutate(
      { targetId: item.targetId, result, note, callbackOn: result === 'call_back' ? callbackOn : null, requests: raised.map((r) => ({ categoryId: r.categoryId ?? '', text: r.text })) },
      {
        onSuccess: (r) => {
          notifications.show({
            color: 'teal',
            message: r.ticket ? fill(fa.campaigns.work.savedTicket, { name: item.clientName, ticket: faDigits(r.ticket.ticket) }) : fill(fa.campaigns.work.saved, { name: item.clientName }),
          });
          onSaved();
        },
        onError: (e) => {
          if (!fieldError(e, 'callbackOn') && !fieldError(e, 'categoryId') && !fieldError(e, 'text') && !fieldError(e, 'note')) notifyError(e);
        },
      },
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const inField = isTextField(e.target);
    const picked = RESULT_KEYS[e.key] ?? (e.altKey ? RESULT_KEYS[e.code.replace('Digit', '')] : undefined);
    if (picked && (!inField || e.altKey) && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      choose(picked);
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !inField) {
      e.preventDefault();
      onMove(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
      const target = e.target as HTMLElement;
      if (target.getAttribute('aria-expanded') === 'true' || target instanceof HTMLButtonElement) return;
      e.preventDefault();
      save();
    }
  };

  return (
    <Paper withBorder p="md" ref={panel} tabIndex={-1} onKeyDown={onKeyDown} data-testid="call-form" style={{ outline: 'none' }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={700} size="lg" data-testid="call-client">
              {item.clientName}
            </Text>
            <Text size="sm" c="dimmed">
              {item.countyName} | {fa.client.nationalId} {faDigits(item.nationalId)}
            </Text>
          </div>
          <Text fw={700} size="xl" dir="ltr" data-testid="call-mobile">
            {faDigits(item.mobile)}
          </Text>
        </Group>
        {item.lastNote && (
          <Text size="xs" c="dimmed">
            {fill(fa.campaigns.work.lastNote, { note: item.lastNote })}
          </Text>
        )}
        <div>
          <Text size="sm" fw={500} mb={4}>
            {fa.campaigns.work.result}
          </Text>
          <SegmentedControl
            fullWidth
            value={result ?? ''}
            onChange={(v) => choose(v as CallResult)}
            color={result ? RESULT_COLORS[result] : undefined}
            data={keysOf(fa.campaigns.results).map((k, i) => ({ value: k, label: `(${faDigits(i + 1)}) ${fa.campaigns.results[k]}` }))}
            data-testid="call-result"
          />
        </div>
        <TextInput label={fa.campaigns.work.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError(record.error, 'note')} data-testid="call-note" />
        {result === 'call_back' && (
          <JalaliDateInput label={fa.campaigns.work.callbackDay} value={callbackOn} onChange={setCallbackOn} error={fieldError(record.error, 'callbackOn')} name="callbackOn" />
        )}
        {result === 'reached' && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {fa.campaigns.work.requests}
            </Text>
            <Text size="xs" c="dimmed">
              {fa.campaigns.work.requestsHint}
            </Text>
            {requests.map((r, i) => (
              <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                <Select
                  w={220}
                  placeholder={fa.campaigns.work.category}
                  aria-label={fa.campaigns.work.category}
                  data={categories}
                  value={r.categoryId}
                  onChange={(v) => setRequests(requests.map((x, j) => (j === i ? { ...x, categoryId: v } : x)))}
                  searchable
                  error={fieldErrorExact(record.error, `requests.${i}.categoryId`)}
                  data-testid={`request-category-${i}`}
                />
                <TextInput
                  style={{ flex: 1 }}
                  placeholder={fa.campaigns.work.requestText}
                  aria-label={fa.campaigns.work.requestText}
                  value={r.text}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    setRequests(requests.map((x, j) => (j === i ? { ...x, text } : x)));
                  }}
                  error={fieldErrorExact(record.error, `requests.${i}.text`)}
                  data-testid={`request-text-${i}`}
                />
                {requests.length > 1 && (
                  <ActionIcon variant="subtle" color="red" mt={6} aria-label={fa.campaigns.work.removeRequest} onClick={() => setRequests(requests.filter((_, j) => j !== i))}>
                    ×
                  </ActionIcon>
                )}
              </Group>
            ))}
            <Group>
              <Button size="xs" variant="subtle" onClick={() => setRequests([...requests, { categoryId: null, text: '' }])} data-testid="request-add">
                {fa.campaigns.work.addRequest}
              </Button>
            </Group>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button onClick={save} loading={record.isPending} data-testid="call-save">
            {fa.campaigns.work.save}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
