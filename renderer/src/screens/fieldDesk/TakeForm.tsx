import { Button, Group, Kbd, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Instruction } from '../../../../electron/core/contract';
import { useAction } from '../../api/hooks';
import { enterMovesOn } from '../../components/enterMovesOn';
import { fieldErrorExact } from '../../components/errors';
import { JalaliDateInput } from '../../components/JalaliDateInput';
import { todayTehran } from '../../format';
import { fa } from '../../locale/fa';
import { addDays } from '../desk/draft';
import { isSaveKey } from '../followup/keys';

/** The representative takes a request away with a due date (Jalali), and a note; Ctrl+Enter saves. */
export function TakeForm({ instruction, onSaved }: { instruction: Instruction; onSaved(i: Instruction): void }) {
  const take = useAction('agencyDesk.take');
  const [dueDate, setDueDate] = useState<string | null>(addDays(todayTehran(), 14));
  const [note, setNote] = useState('');
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (take.isPending) return;
    take.mutate(
      { instructionId: instruction.id, dueDate: dueDate ?? '', note },
      {
        onSuccess: (after) => {
          notifications.show({ color: 'teal', message: fa.fieldDesk.taken });
          onSaved(after);
        },
      },
    );
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (isSaveKey(e)) {
      e.preventDefault();
      submit();
      return;
    }
    enterMovesOn(e);
  };
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="take-form">
      <Stack gap="xs">
        <JalaliDateInput label={fa.fieldDesk.dueDate} value={dueDate} onChange={setDueDate} error={fieldErrorExact(take.error, 'dueDate')} required name="dueDate" />
        <Textarea label={fa.fieldDesk.takeNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldErrorExact(take.error, 'note')} autosize minRows={1} name="note" />
        <Group justify="flex-end">
          <Button type="submit" loading={take.isPending} data-enter-stop data-testid="take-save">
            {fa.fieldDesk.save} <Kbd ms="xs">Ctrl+Enter</Kbd>
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
