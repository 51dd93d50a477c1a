import { Button, Group, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { Instruction } from '../../../../electron/core/contract';
import { useAction } from '../../api/hooks';
import { fieldErrorExact } from '../../components/errors';
import { fa } from '../../locale/fa';

/** Reopens a closed instruction; the reason is required (the host says so at the field) and becomes a step. */
export function ReopenForm({ instruction, onSaved }: { instruction: Instruction; onSaved(i: Instruction): void }) {
  const reopen = useAction('followups.reopen');
  const [reason, setReason] = useState('');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (reopen.isPending) return;
    reopen.mutate(
      { instructionId: instruction.id, reason },
      {
        onSuccess: (after) => {
          notifications.show({ color: 'teal', message: fa.followup.reopen.saved });
          setReason('');
          onSaved(after);
        },
      },
    );
  };
  const other = reopen.error && !fieldErrorExact(reopen.error, 'reason') ? reopen.error.message : undefined;
  return (
    <form onSubmit={submit} noValidate data-testid="reopen-form">
      <Group align="flex-start" gap="xs">
        <TextInput
          label={fa.followup.reopen.reason}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldErrorExact(reopen.error, 'reason') ?? other}
          required
          style={{ flex: 1 }}
          name="reopenReason"
        />
        <Button type="submit" color="orange" mt={25} loading={reopen.isPending} data-testid="save-reopen">
          {fa.followup.reopen.save}
        </Button>
      </Group>
    </form>
  );
}
