import { Alert, Badge, Button, Grid, Group, Kbd, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys, useLocalStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Actor, VisitDetail } from '../../../electron/core/contract';
import { useAction, useCall } from '../api/hooks';
import { fieldErrorExact, notifyError } from '../components/errors';
import { fa as faDigits, jalaliDate } from '../format';
import { fa, fill } from '../locale/fa';
import { AddRequest } from './desk/AddRequest';
import { ClientCard } from './desk/ClientCard';
import { FinishBar } from './desk/FinishBar';
import { HistoryList } from './desk/HistoryList';
import { RequestCard } from './desk/RequestCard';
import { Shortcuts } from './desk/Shortcuts';
import { DeskMeetingContext } from './desk/deskMeeting';
import { printVisitSlips } from './desk/slips';

type FocusTarget = { request: string } | { finish: true } | null;

/** Where the cursor goes next: a request's kind control, or the finish button when none is open. */
function focusNow(target: FocusTarget): void {
  if (!target) return;
  const el =
    'request' in target
      ? document.querySelector<HTMLElement>(`[data-request-id="${target.request}"] input[type=radio]:checked`)
      : document.querySelector<HTMLElement>('[data-testid="finish"]');
  el?.focus();
}

/** The first open request after `afterId` (wrapping around), else null. */
function nextOpen(detail: VisitDetail, afterId: string | null): string | null {
  const rs = detail.requests;
  const start = afterId ? rs.findIndex((r) => r.id === afterId) + 1 : 0;
  for (let k = 0; k < rs.length; k++) {
    const r = rs[(start + k) % rs.length]!;
    if (r.instruction === null && r.id !== afterId) return r.id;
  }
  return null;
}

/**
 * The presiding official's desk: calls the next visitor, shows who they are and their whole
 * history, takes an instruction for every request and finishes the visit — all from the
 * keyboard (the map is on screen).
 */
export function Desk({ meetingId }: { meetingId: string; me: Actor }) {
  const client = useQueryClient();
  const meeting = useCall('meetings.get', { id: meetingId });
  const queue = useCall('queue.list', { meetingId });
  const mine = useCall('desk.mine', { meetingId });
  const settings = useCall('settings.get', {});
  const lists = useCall('lists.all', {});
  const callNext = useAction('queue.callNext');
  const finish = useAction('visits.finish');
  const start = useAction('visits.start');
  const [desk, setDesk] = useLocalStorage<string>({ key: 'didar.desk', defaultValue: fa.queue.deskDefault });
  const [selected, setSelected] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget>(null);

  const ids = mine.data ?? [];
  const currentId = selected && ids.includes(selected) ? selected : (ids[0] ?? null);
  const detail = useCall('visits.detail', { visitId: currentId ?? '' }, { enabled: currentId !== null });
  const current = currentId && detail.data?.visit.visitId === currentId ? detail.data : null;
  const isOpen = meeting.data?.status === 'open';
  const agencyIds = meeting.data?.agencyIds;
  const deskMeeting = useMemo(() => ({ presentAgencyIds: agencyIds ?? [] }), [agencyIds]);
  const editable = isOpen && (current?.visit.status === 'called' || current?.visit.status === 'with_official');

  // A called visitor is now with the official (recorded once, when the desk first shows them).
  const status = current?.visit.status;
  const startVisit = start.mutate;
  useEffect(() => {
    if (currentId && status === 'called') startVisit({ visitId: currentId }, { onSuccess: (d) => client.setQueryData(['visits.detail', { visitId: currentId }], d) });
  }, [currentId, status, startVisit, client]);

  // A new visitor at the desk: the cursor goes to their first request without an instruction
  // (once per visitor, not on every refresh of the same one).
  const lastShown = useRef<string | null>(null);
  useEffect(() => {
    if (!current || lastShown.current === current.visit.visitId) return;
    lastShown.current = current.visit.visitId;
    const first = nextOpen(current, null);
    focusNow(first ? { request: first } : { finish: true });
  }, [current]);
  useEffect(() => focusNow(focusTarget), [focusTarget]);

  const refreshMine = () => client.invalidateQueries({ queryKey: ['desk.mine'] });

  const doCall = () => {
    if (!isOpen || callNext.isPending) return;
    if (currentId) {
      notifications.show({ color: 'orange', message: fa.desk.finishFirst });
      return;
    }
    callNext.mutate(
      { meetingId, desk },
      {
        onSuccess: async (next) => {
          await refreshMine();
          if (next) setSelected(next.visitId);
          else notifications.show({ message: fa.desk.queueEmpty });
        },
        onError: (err) => {
          if (!fieldErrorExact(err, 'desk')) notifyError(err);
        },
      },
    );
  };

  const doFinish = (andCall: boolean) => {
    if (!currentId || !current || finish.isPending) return;
    const ticket = current.visit.ticket;
    finish.mutate(
      { visitId: currentId, callNext: andCall, desk },
      {
        onSuccess: async (r) => {
          notifications.show({ color: 'teal', message: fill(fa.desk.finished, { n: faDigits(ticket) }) });
          if (settings.data?.autoPrintSlips) void printVisitSlips(r.finished);
          await refreshMine();
          setSelected(r.next?.visitId ?? null);
          if (r.next) notifications.show({ message: fill(fa.desk.called, { n: faDigits(r.next.ticket), name: r.next.clientName }) });
          else if (andCall) notifications.show({ message: fa.desk.queueEmpty });
        },
        onError: (err) => {
          if (fieldErrorExact(err, 'requests')) {
            const first = nextOpen(current, null);
            setFocusTarget(first ? { request: first } : null);
          } else notifyError(err);
        },
      },
    );
  };

  const focusAddRequest = () => document.querySelector<HTMLInputElement>('[data-testid="add-request"] input:not([type=hidden])')?.focus();

  useHotkeys(
    [
      ['F2', doCall],
      ['F9', () => doFinish(true)],
      ['mod+shift+Enter', () => doFinish(true)],
      ['alt+N', focusAddRequest],
    ],
    [],
  );

  const openCount = current ? current.requests.filter((r) => r.instruction === null).length : 0;

  return (
    <DeskMeetingContext.Provider value={deskMeeting}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <div>
            <Title order={2}>{fa.desk.title}</Title>
            <Text c="dimmed" size="sm">
              {meeting.data ? `${meeting.data.title}، ${jalaliDate(meeting.data.date, true)}` : fa.app.loading}
              {queue.data && ` — ${fill(fa.desk.waiting, { n: faDigits(queue.data.waiting.length) })}`}
            </Text>
          </div>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput label={fa.desk.deskName} value={desk} onChange={(e) => setDesk(e.currentTarget.value)} error={fieldErrorExact(callNext.error, 'desk')} w={130} name="desk" />
            <Button onClick={doCall} loading={callNext.isPending} disabled={!isOpen || currentId !== null} data-testid="call-next">
              {fa.desk.callNext} <Kbd ms="xs">F2</Kbd>
            </Button>
          </Group>
        </Group>
        <Shortcuts />
        {meeting.data && !isOpen && <Alert color="orange">{fa.desk.meetingNotOpen}</Alert>}
        {ids.length > 1 && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {fa.desk.alsoAtDesk}
            </Text>
            {ids.map((id, i) => (
              <Button key={id} size="compact-sm" variant={id === currentId ? 'filled' : 'light'} onClick={() => setSelected(id)}>
                {id === currentId && current ? fill(fa.desk.ticket, { n: faDigits(current.visit.ticket) }) : faDigits(i + 1)}
              </Button>
            ))}
          </Group>
        )}
        {currentId === null ? (
          mine.isPending ? (
            <Loader />
          ) : (
            <Paper withBorder p="xl" ta="center" data-testid="desk-empty">
              <Text size="lg" c="dimmed">
                {fa.desk.nobody}
              </Text>
            </Paper>
          )
        ) : !current ? (
          <Loader />
        ) : (
          <>
            <ClientCard detail={current} />
            <Grid gap="sm">
              <Grid.Col span={7}>
                <Stack gap="sm">
                  <Group justify="space-between">
                    <Title order={4}>{fa.desk.requests}</Title>
                    {current.visit.status !== 'called' && current.visit.status !== 'with_official' && (
                      <Badge color="gray">{fa.desk.visitStatuses[current.visit.status]}</Badge>
                    )}
                  </Group>
                  <FinishBar openCount={openCount} pending={finish.isPending} error={fieldErrorExact(finish.error, 'requests')} onFinish={doFinish} />
                  {current.requests.map((r, i) => (
                    <RequestCard
                      key={r.id}
                      request={r}
                      index={i}
                      lists={lists.data}
                      dueDays={settings.data?.dueDays}
                      editable={editable}
                      onIssued={(id) => {
                        const next = nextOpen(current, id);
                        setFocusTarget(next ? { request: next } : { finish: true });
                      }}
                    />
                  ))}
                  {editable && <AddRequest visitId={current.visit.visitId} categories={lists.data?.categories ?? []} onAdded={(id) => setFocusTarget({ request: id })} />}
                </Stack>
              </Grid.Col>
              <Grid.Col span={5}>
                <HistoryList history={current.history} />
              </Grid.Col>
            </Grid>
          </>
        )}
      </Stack>
    </DeskMeetingContext.Provider>
  );
}
