import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { DueDays, Instruction, Lists } from '../../../../electron/core/contract';
import { useAction } from '../../api/hooks';
import { fieldErrorExact } from '../../components/errors';
import { fa as faDigits, jalaliDate } from '../../format';
import { fa, fill } from '../../locale/fa';
import { FUNDER_LABELS, formatToman, jalaliAt, groupTrackingCode, instructionTarget, instructionToman, KIND_LABELS } from './display';
import { draftOf } from './draft';
import { InstructionForm } from './InstructionForm';
import { reprintSlip } from './slips';
import { StatusBadge } from './StatusBadge';

/** Label and value on one line. */
function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}:{' '}
      </Text>
      {children}
    </Text>
  );
}

/** The parts of an instruction beyond kind and status: answer or reason, room, amount, versions, issuer. */
export function InstructionNotes({ instruction: i }: { instruction: Instruction }) {
  const toman = instructionToman(i);
  return (
    <>
      {i.kind === 'answered' && i.answer && <Line label={fa.desk.fields.answer}>{i.answer}</Line>}
      {i.kind === 'not_possible' && i.reason && <Line label={fa.desk.fields.reason}>{i.reason}</Line>}
      {i.room && <Line label={fa.desk.room}>{i.room}</Line>}
      {toman !== null && (
        <Line label={fa.desk.amount}>
          {formatToman(toman)} {fa.desk.toman}
          {i.funder && `، ${fa.desk.fundedBy} ${FUNDER_LABELS[i.funder]}`}
        </Line>
      )}
      {i.amendedAt && (
        <Text size="xs" c="orange.8" data-testid="amended">
          {fill(fa.desk.version, { n: faDigits(i.version) })}، {fill(fa.desk.amended, { at: jalaliAt(i.amendedAt), reason: i.amendReason })}
        </Text>
      )}
      {i.cancelledAt && (
        <Text size="xs" c="red.8">
          {fill(fa.desk.cancelledNote, { at: jalaliAt(i.cancelledAt), reason: i.cancelReason })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {fill(fa.desk.issuedBy, { name: i.issuedByName, at: jalaliAt(i.issuedAt) })}
      </Text>
    </>
  );
}

/** An issued instruction's current version on the desk. */
function InstructionDetails({ instruction: i }: { instruction: Instruction }) {
  const target = instructionTarget(i);
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge variant="outline">{KIND_LABELS[i.kind]}</Badge>
        {target && (
          <Text fw={600} size="sm">
            {target}
          </Text>
        )}
        <StatusBadge instruction={i} />
        {i.atTable && (
          <Badge color="grape" variant="light" data-testid="at-table-badge">
            {fa.fieldDesk.atTableBadge}: {fa.fieldDesk.states[i.takenAt ? 'taken' : i.status === 'open' ? 'waiting' : 'answered']}
          </Badge>
        )}
      </Group>
      <Text size="sm">{i.text}</Text>
      <Group gap="md">
        <Line label={fa.desk.trackingCode}>
          <Text span fw={700} dir="ltr" data-testid="tracking-code">
            {groupTrackingCode(i.trackingCode)}
          </Text>
        </Line>
        {i.dueDate && <Line label={fa.desk.due}>{jalaliDate(i.dueDate)}</Line>}
      </Group>
      <InstructionNotes instruction={i} />
    </Stack>
  );
}

/** The reason asked before cancelling an instruction. */
function CancelForm({ instruction, onClose }: { instruction: Instruction; onClose(): void }) {
  const cancel = useAction('instructions.cancel');
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    cancel.mutate(
      { id: instruction.id, reason },
      {
        onSuccess: async () => {
          await client.invalidateQueries({ queryKey: ['visits.detail'] });
          onClose();
        },
      },
    );
  };
  const other = cancel.error && !fieldErrorExact(cancel.error, 'reason') ? cancel.error.message : undefined;
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="xs">
        <TextInput
          label={fa.desk.fields.cancelReason}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldErrorExact(cancel.error, 'reason') ?? other}
          required
          autoFocus
          style={{ flex: 1 }}
          name="cancelReason"
        />
        <Button type="submit" color="red" mt={25} loading={cancel.isPending}>
          {fa.desk.saveCancel}
        </Button>
        <Button variant="subtle" mt={25} onClick={onClose}>
          {fa.app.cancel}
        </Button>
      </Group>
    </form>
  );
}

interface Props {
  instruction: Instruction;
  lists: Lists | undefined;
  dueDays: DueDays | undefined;
  /** Amending and cancelling are offered only while the visit is at the desk. */
  editable: boolean;
}

/** An issued instruction on the desk: its current version, and amend / cancel (with a reason) / reprint. */
export function InstructionView({ instruction, lists, dueDays, editable }: Props) {
  const [mode, setMode] = useState<'view' | 'amend' | 'cancel'>('view');
  const amend = useAction('instructions.amend');
  const client = useQueryClient();

  if (mode === 'amend') {
    return (
      <InstructionForm
        initial={draftOf(instruction)}
        lists={lists}
        dueDays={dueDays}
        mode="amend"
        pending={amend.isPending}
        error={amend.error}
        onClose={() => setMode('view')}
        onSubmit={(fields, reason) =>
          amend.mutate(
            { id: instruction.id, reason, fields },
            {
              onSuccess: async () => {
                await client.invalidateQueries({ queryKey: ['visits.detail'] });
                setMode('view');
              },
            },
          )
        }
      />
    );
  }
  return (
    <Stack gap="xs" data-testid="instruction-view">
      <InstructionDetails instruction={instruction} />
      {mode === 'cancel' ? (
        <CancelForm instruction={instruction} onClose={() => setMode('view')} />
      ) : (
        <Group gap="xs">
          <Button size="compact-sm" variant="light" onClick={() => void reprintSlip(instruction.id)}>
            {fa.desk.reprint}
          </Button>
          {editable && (
            <>
              <Button size="compact-sm" variant="subtle" onClick={() => setMode('amend')}>
                {fa.desk.amend}
              </Button>
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => setMode('cancel')}>
                {fa.desk.cancel}
              </Button>
            </>
          )}
        </Group>
      )}
    </Stack>
  );
}
