import { Alert, Badge, Button, Group, Kbd, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Client, ClientHit, PriorityKind, Sex, Ticket } from '../../../electron/core/contract';
import { toLatinDigits } from '../../../electron/core/domain/digits';
import { isValidNationalId } from '../../../electron/core/domain/nationalId';
import { call, CallError } from '../api/client';
import { useAction, useCall } from '../api/hooks';
import { enterMovesOn } from '../components/enterMovesOn';
import { fieldError, notifyError } from '../components/errors';
import { fa as faDigits } from '../format';
import { fa, keysOf } from '../locale/fa';
import { printPage } from '../print/printPage';
import { ClientForm, emptyClient, type ClientDraft } from './ClientForm';
import { emptyRequest, RequestsEditor, type RequestDraft } from './RequestsEditor';

type Chosen = { kind: 'existing'; client: ClientHit | Client } | { kind: 'new'; draft: ClientDraft } | null;

/** The chosen client's county (a search hit carries its name; county names are unique), for shared-issue offers. */
function countyOf(chosen: Chosen, counties: readonly { id: string; name: string }[]): string | null {
  if (!chosen) return null;
  if (chosen.kind === 'new') return chosen.draft.countyId ?? null;
  const c = chosen.client;
  if ('countyId' in c) return c.countyId;
  return counties.find((x) => x.name === c.countyName)?.id ?? null;
}

/** The priority a client's circumstances suggest, with its reason. */
function suggestedPriority(c: { circumstances: readonly string[] }): { priority: PriorityKind; reason: string } {
  if (c.circumstances.includes('disability')) return { priority: 'disability', reason: fa.client.circumstanceNames.disability };
  if (c.circumstances.includes('elderly')) return { priority: 'elderly', reason: fa.client.circumstanceNames.elderly };
  return { priority: 'none', reason: '' };
}

/**
 * The intake desk: find the client by national ID or name (or create the record), write
 * down the requests, issue the ticket. Keyboard-first: Enter moves on, Ctrl+Enter issues.
 */
export function Intake({ meetingId }: { meetingId: string }) {
  const meeting = useCall('meetings.get', { id: meetingId });
  const lists = useCall('lists.all', {});
  const register = useAction('visits.register');
  const searchRef = useRef<HTMLInputElement>(null);

  const [query, setQuery] = useState('');
  const [searchError, setSearchError] = useState<string | undefined>();
  const [highlight, setHighlight] = useState(0);
  const [chosen, setChosen] = useState<Chosen>(null);
  const [requests, setRequests] = useState<RequestDraft[]>([emptyRequest()]);
  const [priority, setPriority] = useState<PriorityKind>('none');
  const [priorityReason, setPriorityReason] = useState('');
  const [issued, setIssued] = useState<{ ticket: Ticket; name: string } | null>(null);

  const [debounced] = useDebouncedValue(query, 150);
  const hits = useCall('clients.search', { query: debounced, limit: 8 }, { enabled: chosen === null && debounced.trim().length >= 2 });

  const reset = () => {
    setQuery('');
    setSearchError(undefined);
    setChosen(null);
    setRequests([emptyRequest()]);
    setPriority('none');
    setPriorityReason('');
    setIssued(null);
    register.reset();
    focusFirst('[name="search"]');
  };

  // Where the cursor goes once the next render is on screen (after choosing a client, issuing a ticket …).
  const [focusTarget, setFocusTarget] = useState<{ selector: string } | null>(null);
  const focusFirst = (selector: string) => setFocusTarget({ selector });
  useEffect(() => {
    if (focusTarget) document.querySelector<HTMLElement>(focusTarget.selector)?.focus();
  }, [focusTarget]);

  const choose = (c: ClientHit | Client) => {
    setChosen({ kind: 'existing', client: c });
    const s = suggestedPriority(c);
    setPriority(s.priority);
    setPriorityReason(s.reason);
    focusFirst('[name="request-0-category"]');
  };

  const onSearchKey = async (e: React.KeyboardEvent<HTMLInputElement>) => {
    const list = hits.data ?? [];
    if (e.key === 'ArrowDown' && list.length) {
      e.preventDefault();
      setHighlight((h) => Math.min(h + 1, list.length - 1));
      return;
    }
    if (e.key === 'ArrowUp' && list.length) {
      e.preventDefault();
      setHighlight((h) => Math.max(h - 1, 0));
      return;
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const digits = toLatinDigits(query).replace(/[\s-]/g, '');
    const hit = list[highlight] ?? list[0];
    if (/^\d+$/.test(digits) && digits.length < 10 && hit) {
      choose(hit); // a national-ID prefix with matches: take the highlighted one
      return;
    }
    if (/^\d+$/.test(digits)) {
      if (digits.length !== 10 || !isValidNationalId(digits)) {
        setSearchError(digits.length !== 10 ? fa.client.nationalIdLength : fa.client.nationalIdInvalid);
        return;
      }
      setSearchError(undefined);
      try {
        const found = await call('clients.byNationalId', { nationalId: digits });
        if (found) choose(found);
        else {
          setChosen({ kind: 'new', draft: emptyClient(digits) });
          focusFirst('[name="firstName"]');
        }
      } catch (err) {
        notifyError(err);
      }
      return;
    }
    if (hit) choose(hit);
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!chosen) return;
    const base = {
      meetingId,
      priority,
      priorityReason: priority === 'none' ? '' : priorityReason,
      requests: requests.map((r) => ({
        categoryId: r.categoryId ?? '',
        text: r.text,
        urgency: r.urgent ? ('urgent' as const) : ('normal' as const),
        sharedIssueId: r.sharedIssueId ?? null,
      })),
    };
    const input =
      chosen.kind === 'existing'
        ? { ...base, clientId: chosen.client.id }
        : { ...base, newClient: { ...chosen.draft, sex: (chosen.draft.sex ?? undefined) as Sex } };
    const name = chosen.kind === 'existing' ? `${chosen.client.firstName} ${chosen.client.lastName}` : `${chosen.draft.firstName} ${chosen.draft.lastName}`;
    register.mutate(input, {
      onSuccess: (ticket) => {
        setIssued({ ticket, name });
        focusFirst('[data-testid="next-visitor"]');
      },
      onError: (err) => {
        if (!(err instanceof CallError) || !err.field) notifyError(err);
        else focusFirst(`[aria-invalid="true"]`);
      },
    });
  };

  useHotkeys(
    [
      ['mod+Enter', () => submit()],
      ['alt+N', () => setRequests((r) => [...r, emptyRequest()])],
    ],
    [],
  );

  if (meeting.data && meeting.data.status !== 'open') return <Alert color="orange">{fa.intake.meetingClosed}</Alert>;

  if (issued) {
    return (
      <Paper withBorder p="xl" maw={520} mx="auto" mt="xl" ta="center">
        <Stack align="center">
          <Text c="dimmed">{fa.intake.ticketIssued}</Text>
          <Text className="didar-ticket" data-testid="ticket-number">
            {faDigits(issued.ticket.ticket)}
          </Text>
          <Text fw={600}>{issued.name}</Text>
          {issued.ticket.priority !== 'none' && <Badge color="orange">{fa.intake.priorities[issued.ticket.priority]}</Badge>}
          <Group>
            <Button variant="light" size="md" onClick={() => printPage(`/print/ticket/${issued.ticket.visitId}`).catch(notifyError)}>
              {fa.intake.printTicket}
            </Button>
            <Button data-testid="next-visitor" onClick={reset} size="md">
              {fa.intake.next}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  const categories = lists.data?.categories ?? [];
  const error = register.error;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{fa.intake.title}</Title>
        <Text size="sm" c="dimmed">
          {meeting.data?.title} · {fa.intake.keys}
        </Text>
      </Group>

      {chosen === null ? (
        <Paper withBorder p="md">
          <TextInput
            ref={searchRef}
            label={fa.intake.searchLabel}
            description={fa.intake.searchHint}
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              setHighlight(0);
              setSearchError(undefined);
            }}
            onKeyDown={(e) => void onSearchKey(e)}
            error={searchError}
            autoFocus
            size="md"
            name="search"
          />
          {(hits.data?.length ?? 0) > 0 && (
            <Stack gap={4} mt="sm" role="listbox">
              {hits.data!.map((h, i) => (
                <Paper
                  key={h.id}
                  p="xs"
                  withBorder
                  role="option"
                  aria-selected={i === highlight}
                  bg={i === highlight ? 'teal.0' : undefined}
                  style={{ cursor: 'pointer' }}
                  onClick={() => choose(h)}
                >
                  <Group justify="space-between">
                    <Text fw={600}>
                      {h.firstName} {h.lastName}
                      <Text span c="dimmed" size="sm">
                        {' '}
                        — {fa.client.fatherName}: {h.fatherName || fa.app.none}
                      </Text>
                    </Text>
                    <Text size="sm" dir="ltr">
                      {faDigits(h.nationalId)}
                    </Text>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
          {debounced.trim().length >= 2 && hits.data?.length === 0 && !/^\d+$/.test(toLatinDigits(debounced.trim())) && (
            <Group mt="sm">
              <Text c="dimmed">{fa.intake.noResult}</Text>
              <Button variant="light" onClick={() => setChosen({ kind: 'new', draft: emptyClient() })}>
                {fa.intake.newClient}
              </Button>
            </Group>
          )}
        </Paper>
      ) : (
        <form onSubmit={submit} onKeyDown={enterMovesOn} noValidate>
          <Stack>
            <Paper withBorder p="md">
              <Group justify="space-between" mb="sm">
                <Title order={4}>{chosen.kind === 'new' ? fa.intake.newClient : fa.intake.found}</Title>
                <Button variant="subtle" size="xs" onClick={reset}>
                  {fa.intake.change}
                </Button>
              </Group>
              {chosen.kind === 'new' ? (
                <ClientForm value={chosen.draft} onChange={(draft) => setChosen({ kind: 'new', draft })} error={error} />
              ) : (
                <Group data-testid="chosen-client">
                  <Text fw={700} size="lg">
                    {chosen.client.firstName} {chosen.client.lastName}
                  </Text>
                  <Text c="dimmed">
                    {fa.client.fatherName}: {chosen.client.fatherName || fa.app.none}
                  </Text>
                  <Text dir="ltr">{faDigits(chosen.client.nationalId)}</Text>
                  {chosen.client.circumstances.map((c) => (
                    <Badge key={c} variant="light">
                      {fa.client.circumstanceNames[c]}
                    </Badge>
                  ))}
                  {fieldError(error, 'clientId') && <Text c="red">{fieldError(error, 'clientId')}</Text>}
                </Group>
              )}
            </Paper>

            <Paper withBorder p="md">
              <Title order={4} mb="sm">
                {fa.intake.requests}
              </Title>
              <RequestsEditor
                value={requests}
                onChange={setRequests}
                categories={categories}
                error={error}
                countyId={countyOf(chosen, lists.data?.counties ?? [])}
              />
            </Paper>

            <Paper withBorder p="md">
              <Group align="flex-end">
                <Select
          selectFirstOptionOnChange
                  label={fa.intake.priority}
                  data={keysOf(fa.intake.priorities).map((p) => ({ value: p, label: fa.intake.priorities[p] }))}
                  value={priority}
                  onChange={(v) => setPriority((v ?? 'none') as PriorityKind)}
                  allowDeselect={false}
                  searchable
                  w={180}
                  name="priority"
                />
                {priority !== 'none' && (
                  <TextInput
                    label={fa.intake.priorityReason}
                    value={priorityReason}
                    onChange={(e) => setPriorityReason(e.currentTarget.value)}
                    error={fieldError(error, 'priorityReason')}
                    style={{ flex: 1 }}
                    required
                    name="priorityReason"
                  />
                )}
                <Button type="submit" size="md" loading={register.isPending} data-enter-stop data-testid="issue-ticket">
                  {fa.intake.issue} <Kbd ms="xs">Ctrl+Enter</Kbd>
                </Button>
              </Group>
            </Paper>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
