import { Button, Group, Modal, Select, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { PriorityKind, QueueEntry } from '../../../../electron/core/contract';
import { useAction, useCall } from '../../api/hooks';
import { fieldError, notifyError } from '../../components/errors';
import { fa as faDigits } from '../../format';
import { fa, fill, keysOf } from '../../locale/fa';

/** Which modal is open, for which visit. */
export type ActionModalState = { kind: 'cancel' | 'reprioritize' | 'transfer'; entry: QueueEntry } | null;

const n = (entry: QueueEntry) => faDigits(entry.ticket);

function done(text: string, vars: Record<string, string>) {
  notifications.show({ color: 'teal', message: fill(text, vars) });
}

/** The shared frame: a title, a form, the host's errors at their fields (the rest as a notification). */
function ActionForm({
  title,
  onClose,
  onSubmit,
  pending,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate data-testid="queue-action-form">
        <Stack>
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {fa.app.cancel}
            </Button>
            <Button type="submit" loading={pending}>
              {fa.queue.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** An error the form cannot show at one of its fields goes to a notification. */
function unlessAtField(fields: string[]) {
  return (err: unknown) => {
    if (!fields.some((f) => fieldError(err, f))) notifyError(err);
  };
}

function CancelModal({ entry, onClose }: { entry: QueueEntry; onClose: () => void }) {
  const cancel = useAction('queue.cancel');
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      title={fill(fa.queue.cancelTitle, { n: n(entry) })}
      onClose={onClose}
      pending={cancel.isPending}
      onSubmit={() =>
        cancel.mutate(
          { visitId: entry.visitId, reason },
          {
            onSuccess: () => {
              done(fa.queue.done.cancel, { n: n(entry) });
              onClose();
            },
            onError: unlessAtField(['reason']),
          },
        )
      }
    >
      <Textarea
        label={fa.queue.cancelReason}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(cancel.error, 'reason')}
        autosize
        minRows={2}
        maxLength={300}
        data-autofocus
      />
    </ActionForm>
  );
}

function ReprioritizeModal({ entry, onClose }: { entry: QueueEntry; onClose: () => void }) {
  const reprioritize = useAction('queue.reprioritize');
  const [priority, setPriority] = useState<PriorityKind>(entry.priority === 'none' ? 'urgent' : entry.priority);
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      title={fill(fa.queue.reprioritizeTitle, { n: n(entry) })}
      onClose={onClose}
      pending={reprioritize.isPending}
      onSubmit={() =>
        reprioritize.mutate(
          { visitId: entry.visitId, priority, reason },
          {
            onSuccess: () => {
              done(fa.queue.done.reprioritize, { n: n(entry) });
              onClose();
            },
            onError: unlessAtField(['reason', 'priority']),
          },
        )
      }
    >
      <div>
        <Text size="sm" fw={500} mb={4} id="reprioritize-kind">
          {fa.queue.priority}
        </Text>
        <SegmentedControl
          fullWidth
          aria-labelledby="reprioritize-kind"
          value={priority}
          onChange={(v) => setPriority(v as PriorityKind)}
          data={keysOf(fa.intake.priorities).map((k) => ({ value: k, label: fa.intake.priorities[k] }))}
        />
        {fieldError(reprioritize.error, 'priority') && (
          <Text size="xs" c="red" mt={4}>
            {fieldError(reprioritize.error, 'priority')}
          </Text>
        )}
      </div>
      <TextInput
        label={fa.queue.priorityReason}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={fieldError(reprioritize.error, 'reason')}
        maxLength={200}
        data-autofocus
      />
    </ActionForm>
  );
}

/** Transfer to another desk; the admin (who may read the users) may also name the official there. */
function TransferModal({ entry, onClose, isAdmin }: { entry: QueueEntry; onClose: () => void; isAdmin: boolean }) {
  const transfer = useAction('queue.transfer');
  const users = useCall('users.list', {}, { enabled: isAdmin });
  const [desk, setDesk] = useState('');
  const [officialId, setOfficialId] = useState<string | null>(null);
  const officials = (users.data ?? []).filter((u) => u.active && (u.role === 'official' || u.role === 'admin'));
  return (
    <ActionForm
      title={fill(fa.queue.transferTitle, { n: n(entry) })}
      onClose={onClose}
      pending={transfer.isPending}
      onSubmit={() =>
        transfer.mutate(
          { visitId: entry.visitId, desk, officialId },
          {
            onSuccess: (r) => {
              done(fa.queue.done.transfer, { n: n(entry), desk: r.desk ?? desk });
              onClose();
            },
            onError: unlessAtField(['desk', 'officialId']),
          },
        )
      }
    >
      <TextInput
        label={fa.queue.transferDesk}
        value={desk}
        onChange={(e) => setDesk(e.currentTarget.value)}
        error={fieldError(transfer.error, 'desk')}
        maxLength={40}
        placeholder={fa.queue.deskDefault}
        data-autofocus
      />
      {isAdmin && (
        <Select
          label={fa.queue.transferOfficial}
          value={officialId}
          onChange={setOfficialId}
          clearable
          data={officials.map((u) => ({ value: u.userId, label: u.displayName }))}
          error={fieldError(transfer.error, 'officialId')}
        />
      )}
    </ActionForm>
  );
}

/** The open action's modal, if any. */
export function ActionModals({ state, onClose, isAdmin }: { state: ActionModalState; onClose: () => void; isAdmin: boolean }) {
  if (!state) return null;
  const key = `${state.kind}-${state.entry.visitId}`;
  if (state.kind === 'cancel') return <CancelModal key={key} entry={state.entry} onClose={onClose} />;
  if (state.kind === 'reprioritize') return <ReprioritizeModal key={key} entry={state.entry} onClose={onClose} />;
  return <TransferModal key={key} entry={state.entry} onClose={onClose} isAdmin={isAdmin} />;
}
