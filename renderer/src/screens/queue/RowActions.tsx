import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QueueEntry, Role } from '../../../../electron/core/contract';
import { useAction } from '../../api/hooks';
import { notifyError } from '../../components/errors';
import { fa as faDigits } from '../../format';
import { fa, fill } from '../../locale/fa';
import type { ActionModalState } from './ActionModals';

/** What the signed-in role may do in the queue (the host checks again). */
export interface QueueRights {
  /** recall, skip, no-show, transfer: the officials at the desks (and the admin). */
  desk: boolean;
  /** cancel, reprioritize, requeue: the front desk too. */
  front: boolean;
  admin: boolean;
}

export function queueRights(role: Role, meetingOpen: boolean): QueueRights {
  const desk = meetingOpen && (role === 'admin' || role === 'official');
  return { desk, front: meetingOpen && (desk || role === 'operator'), admin: role === 'admin' };
}

type Direct = 'recall' | 'skip' | 'noShow' | 'requeue';

/** The actions that need no reason: run at once, the result told in a notification. */
export function useDirectActions(onDone?: (kind: Direct, entry: QueueEntry) => void) {
  const recall = useAction('queue.recall');
  const skip = useAction('queue.skip');
  const noShow = useAction('queue.noShow');
  const requeue = useAction('queue.requeue');
  const actions = { recall, skip, noShow, requeue };
  const pending = recall.isPending || skip.isPending || noShow.isPending || requeue.isPending;
  const run = (kind: Direct, entry: QueueEntry) =>
    actions[kind].mutate(
      { visitId: entry.visitId },
      {
        onSuccess: (after) => {
          notifications.show({ color: 'teal', message: fill(fa.queue.done[kind], { n: faDigits(entry.ticket) }) });
          onDone?.(kind, after);
        },
        onError: notifyError,
      },
    );
  return { run, pending };
}

function Trigger({ entry }: { entry: QueueEntry }) {
  return (
    <Menu.Target>
      <ActionIcon variant="subtle" color="gray" size="lg" aria-label={fill(fa.queue.actions, { n: faDigits(entry.ticket) })} data-testid="row-actions">
        <span aria-hidden style={{ fontSize: 22, lineHeight: 1 }}>
          ⋮
        </span>
      </ActionIcon>
    </Menu.Target>
  );
}

/** A waiting visitor: reprioritize (with a reason) or cancel (with a reason). */
export function WaitingMenu({ entry, rights, open }: { entry: QueueEntry; rights: QueueRights; open: (s: ActionModalState) => void }) {
  if (!rights.front) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Trigger entry={entry} />
      <Menu.Dropdown>
        <Menu.Item onClick={() => open({ kind: 'reprioritize', entry })}>{fa.queue.reprioritize}</Menu.Item>
        <Menu.Item color="red" onClick={() => open({ kind: 'cancel', entry })}>
          {fa.queue.cancel}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** A visitor called to a desk: call again, to the end of the line, no-show, another desk, cancel. */
export function CalledMenu({
  entry,
  rights,
  open,
  run,
}: {
  entry: QueueEntry;
  rights: QueueRights;
  open: (s: ActionModalState) => void;
  run: (kind: Direct, entry: QueueEntry) => void;
}) {
  const called = entry.status === 'called';
  const items = [
    rights.desk && called && (
      <Menu.Item key="recall" onClick={() => run('recall', entry)}>
        {fa.queue.recall}
      </Menu.Item>
    ),
    rights.desk && called && (
      <Menu.Item key="skip" onClick={() => run('skip', entry)}>
        {fa.queue.skip}
      </Menu.Item>
    ),
    rights.desk && called && (
      <Menu.Item key="noShow" color="orange" onClick={() => run('noShow', entry)}>
        {fa.queue.noShow}
      </Menu.Item>
    ),
    rights.desk && (
      <Menu.Item key="transfer" onClick={() => open({ kind: 'transfer', entry })}>
        {fa.queue.transfer}
      </Menu.Item>
    ),
    rights.front && called && (
      <Menu.Item key="cancel" color="red" onClick={() => open({ kind: 'cancel', entry })}>
        {fa.queue.cancel}
      </Menu.Item>
    ),
  ].filter(Boolean);
  if (items.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Trigger entry={entry} />
      <Menu.Dropdown>{items}</Menu.Dropdown>
    </Menu>
  );
}
