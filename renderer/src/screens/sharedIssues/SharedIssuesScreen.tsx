import { Badge, Button, Grid, Group, Modal, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import type { SharedIssue } from '../../../../electron/core/contract/sharedIssues';
import { useAction, useCall } from '../../api/hooks';
import { notifyError } from '../../components/errors';
import { fa as faDigits } from '../../format';
import { fa, fill } from '../../locale/fa';
import { IssueDetail } from './IssueDetail';
import { draftOfIssue, IssueForm } from './IssueForm';

const t = fa.sharedIssues;

/** Moves the focus along the list of issues (↑ ↓), Enter opens one. */
function itemKeys(e: KeyboardEvent<HTMLButtonElement>, index: number): void {
  const items = document.querySelectorAll<HTMLElement>('[data-testid="shared-issue-item"]');
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    items[Math.min(index + 1, items.length - 1)]?.focus();
  } else if (e.key === 'ArrowUp') {
    e.preventDefault();
    if (index === 0) document.querySelector<HTMLInputElement>('[data-testid="shared-issue-search"]')?.focus();
    else items[index - 1]?.focus();
  }
}

function IssueItem({ issue, selected, index, onOpen }: { issue: SharedIssue; selected: boolean; index: number; onOpen(): void }) {
  return (
    <UnstyledButton
      onClick={onOpen}
      onKeyDown={(e) => itemKeys(e, index)}
      data-testid="shared-issue-item"
      aria-current={selected}
      style={{ display: 'block', width: '100%' }}
    >
      <Paper withBorder p="sm" bg={selected ? 'teal.0' : undefined} style={selected ? { borderColor: 'var(--mantine-color-teal-6)' } : undefined}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={700} lineClamp={1}>
            {issue.title}
          </Text>
          {issue.status === 'closed' && <Badge color="gray">{t.statuses.closed}</Badge>}
        </Group>
        <Text size="sm" c="dimmed" lineClamp={1}>
          {issue.countyName} — {issue.place || issue.categoryName}
        </Text>
        <Group gap={6} mt={4}>
          <Badge size="sm" variant="light">
            {fill(t.joined, { n: faDigits(issue.joinedCount) })}
          </Badge>
          {issue.openCount > 0 && (
            <Badge size="sm" variant="light" color="blue">
              {fill(t.openCount, { n: faDigits(issue.openCount) })}
            </Badge>
          )}
          {issue.waitingCount > 0 && (
            <Badge size="sm" variant="light" color="orange">
              {fill(t.waitingCount, { n: faDigits(issue.waitingCount) })}
            </Badge>
          )}
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

/**
 * Networked problems (seed 003): shared issues of a place that several clients' requests are
 * joined to. List and filters on one side, the chosen issue with its joined clients on the
 * other; the official issues one instruction for all of them there.
 */
export function SharedIssuesScreen() {
  const me = useCall('auth.me', {});
  const lists = useCall('lists.all', {});
  const [query, setQuery] = useState('');
  const [countyId, setCountyId] = useState<string | null>(null);
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useCall('sharedIssues.list', { query, countyId, status }, { placeholderData: keepPreviousData });
  const create = useAction('sharedIssues.create');
  const canIssue = me.data?.role === 'admin' || me.data?.role === 'official';
  const items = list.data ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t.title}</Title>
          <Text size="sm" c="dimmed">
            {t.hint}
          </Text>
        </div>
        <Button
          onClick={() => {
            create.reset();
            setCreating(true);
          }}
          data-testid="shared-issue-new"
        >
          {t.create}
        </Button>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="xs">
            <TextInput
              placeholder={t.search}
              aria-label={t.search}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  document.querySelector<HTMLElement>('[data-testid="shared-issue-item"]')?.focus();
                }
              }}
              data-testid="shared-issue-search"
            />
            <Group gap="xs" grow>
              <Select
                placeholder={t.county}
                aria-label={t.county}
                data={(lists.data?.counties ?? []).map((c) => ({ value: c.id, label: c.name }))}
                value={countyId}
                onChange={setCountyId}
                clearable
                searchable
              />
              <SegmentedControl
                value={status}
                onChange={(v) => setStatus(v as typeof status)}
                data={[
                  { value: 'open', label: t.statuses.open },
                  { value: 'closed', label: t.statuses.closed },
                  { value: 'all', label: t.all },
                ]}
              />
            </Group>
            {items.length === 0 && !list.isPending ? (
              <Text c="dimmed" size="sm" data-testid="shared-issue-empty">
                {t.empty}
              </Text>
            ) : (
              items.map((issue, i) => <IssueItem key={issue.id} issue={issue} index={i} selected={issue.id === selected} onOpen={() => setSelected(issue.id)} />)
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected ? (
            <IssueDetail key={selected} id={selected} lists={lists.data} canIssue={canIssue} />
          ) : (
            <Paper withBorder p="xl">
              <Text c="dimmed" ta="center">
                {t.pickOne}
              </Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t.createTitle} size="lg">
        {creating && (
          <IssueForm
            initial={draftOfIssue(null)}
            lists={lists.data}
            pending={create.isPending}
            error={create.error}
            onCancel={() => setCreating(false)}
            onSubmit={(d) =>
              create.mutate(
                { title: d.title, countyId: d.countyId ?? '', place: d.place, categoryId: d.categoryId ?? '', description: d.description },
                {
                  onSuccess: (issue) => {
                    setCreating(false);
                    setSelected(issue.id);
                  },
                  onError: (e) => {
                    if (!e.field) notifyError(e);
                  },
                },
              )
            }
          />
        )}
      </Modal>
    </Stack>
  );
}
