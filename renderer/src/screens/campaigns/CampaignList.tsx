import { Button, Group, Modal, MultiSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import type { Actor, Circumstance } from '../../../../electron/core/contract';
import { useAction, useCall } from '../../api/hooks';
import { fieldError, notifyError } from '../../components/errors';
import { JalaliDateInput } from '../../components/JalaliDateInput';
import { fa, keysOf } from '../../locale/fa';
import { isSaveKey } from '../followup/keys';
import { todayTehran } from '../../format';
import { countiesText, n, periodText } from './labels';

const MANAGERS = ['admin', 'official'];

/** The campaigns, newest first; an organizer (admin, official) starts a new one here. */
export function CampaignList({ me }: { me: Actor }) {
  const [, navigate] = useLocation();
  const list = useCall('campaigns.list', {});
  const lists = useCall('lists.all', {});
  const [creating, setCreating] = useState(false);
  const canManage = MANAGERS.includes(me.role);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{fa.campaigns.title}</Title>
          <Text c="dimmed" size="sm">
            {fa.campaigns.intro}
          </Text>
        </div>
        {canManage && (
          <Button onClick={() => setCreating(true)} data-testid="campaign-new">
            {fa.campaigns.new}
          </Button>
        )}
      </Group>
      <Paper withBorder>
        {list.data && list.data.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center">
            {fa.campaigns.empty}
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing={8} data-testid="campaign-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{fa.campaigns.columns.title}</Table.Th>
                <Table.Th>{fa.campaigns.columns.period}</Table.Th>
                <Table.Th>{fa.campaigns.columns.counties}</Table.Th>
                <Table.Th ta="center">{fa.campaigns.columns.targets}</Table.Th>
                <Table.Th ta="center">{fa.campaigns.columns.calls}</Table.Th>
                <Table.Th ta="center">{fa.campaigns.columns.reached}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.map((c) => (
                <Table.Tr
                  key={c.id}
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  onClick={() => navigate(`/campaigns/${c.id}`)}
                  onKeyDown={(e) => e.key === 'Enter' && navigate(`/campaigns/${c.id}`)}
                  data-testid="campaign-row"
                >
                  <Table.Td fw={600}>{c.title}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodText(c)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1}>
                      {countiesText(c.countyIds, lists.data?.counties)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="center">{n(c.targets.total)}</Table.Td>
                  <Table.Td ta="center">{n(c.calls)}</Table.Td>
                  <Table.Td ta="center">{n(c.targets.reached)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Modal opened={creating} onClose={() => setCreating(false)} title={fa.campaigns.new} size="lg">
        {creating && <CreateForm onCreated={(id) => navigate(`/campaigns/${id}`)} />}
      </Modal>
    </Stack>
  );
}

function CreateForm({ onCreated }: { onCreated(id: string): void }) {
  const lists = useCall('lists.all', {});
  const create = useAction('campaigns.create');
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState<string | null>(todayTehran());
  const [to, setTo] = useState<string | null>(null);
  const [countyIds, setCountyIds] = useState<string[]>([]);
  const [circumstances, setCircumstances] = useState<string[]>([]);
  const submit = () =>
    create.mutate(
      { title, from: from ?? '', to: to ?? '', countyIds, circumstances: circumstances as Circumstance[] },
      {
        onSuccess: (c) => {
          notifications.show({ color: 'teal', message: fa.app.saved });
          onCreated(c.id);
        },
        onError: (e) => {
          if (!['title', 'from', 'to', 'countyIds', 'circumstances'].some((f) => fieldError(e, f))) notifyError(e);
        },
      },
    );
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (isSaveKey(e)) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <Stack gap="sm" onKeyDown={onKeyDown} data-testid="campaign-form">
      <TextInput
        label={fa.campaigns.form.title}
        placeholder={fa.campaigns.form.titlePlaceholder}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={fieldError(create.error, 'title')}
        required
        data-autofocus
        name="title"
      />
      <Group grow align="flex-start">
        <JalaliDateInput label={fa.campaigns.form.from} value={from} onChange={setFrom} error={fieldError(create.error, 'from')} required name="from" />
        <JalaliDateInput label={fa.campaigns.form.to} value={to} onChange={setTo} error={fieldError(create.error, 'to')} required name="to" />
      </Group>
      <MultiSelect
        label={fa.campaigns.form.counties}
        description={fa.campaigns.form.countiesHint}
        data={(lists.data?.counties ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))}
        value={countyIds}
        onChange={setCountyIds}
        searchable
        clearable
        error={fieldError(create.error, 'countyIds')}
        data-testid="campaign-counties"
      />
      <MultiSelect
        label={fa.campaigns.form.circumstances}
        description={fa.campaigns.form.circumstancesHint}
        data={keysOf(fa.client.circumstanceNames).map((k) => ({ value: k, label: fa.client.circumstanceNames[k] }))}
        value={circumstances}
        onChange={setCircumstances}
        clearable
        error={fieldError(create.error, 'circumstances')}
        data-testid="campaign-circumstances"
      />
      <Text size="xs" c="dimmed">
        {fa.campaigns.form.note}
      </Text>
      <Group justify="flex-end">
        <Button onClick={submit} loading={create.isPending} data-testid="campaign-create">
          {fa.campaigns.form.create}
        </Button>
      </Group>
    </Stack>
  );
}
