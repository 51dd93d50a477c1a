import { Alert, Button, Group, Kbd, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Instruction, StepKind } from '../../../../electron/core/contract';
import { toLatinDigits } from '../../../../electron/core/domain/digits';
import { CallError } from '../../api/client';
import { useAction } from '../../api/hooks';
import { JalaliDateInput } from '../../components/JalaliDateInput';
import { enterMovesOn } from '../../components/enterMovesOn';
import { fieldErrorExact } from '../../components/errors';
import { NumberedSegments, refocusKind } from '../../components/NumberedSegments';
import { todayTehran } from '../../format';
import { fa } from '../../locale/fa';
import { closeCalendarOnLeave, isSaveKey } from './keys';
import { STEP_KINDS, STEP_LABELS } from './labels';

/**
 * When the step happened: null (now) when neither a date nor a time is given; a time alone is
 * today; an earlier date without a time is taken as noon. Tehran has kept +03:30 all year
 * since 1401, so the instant is built with that offset. Undefined when the time is unreadable.
 */
export function stepInstant(date: string | null, time: string): string | null | undefined {
  const typed = toLatinDigits(time).trim();
  const today = todayTehran();
  if (!typed && (date === null || date === today)) return null;
  let hh = '12';
  let mm = '00';
  if (typed) {
    const m = /^(\d{1,2})[:٫.](\d{2})$/.exec(typed);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
    hh = m[1]!.padStart(2, '0');
    mm = m[2]!;
  }
  return new Date(`${date ?? today}T${hh}:${mm}:00+03:30`).toISOString();
}

const FIELDS = ['kind', 'text', 'at'];

interface Props {
  instruction: Instruction;
  onSaved(instruction: Instruction): void;
}

/**
 * Records one follow-up step (a call, a letter, a visit, a note) from the keyboard: 1–4 on the
 * kind control, Enter to the next field, Ctrl+Enter to save. A closed instruction takes notes only.
 */
export function StepForm({ instruction, onSaved }: Props) {
  const closed = instruction.status !== 'open';
  const kinds: StepKind[] = closed ? ['note'] : STEP_KINDS;
  const [kind, setKind] = useState<StepKind>(closed ? 'note' : 'call');
  const [text, setText] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const [time, setTime] = useState('');
  const [timeError, setTimeError] = useState<string | undefined>();
  const add = useAction('followups.addStep');
  const formRef = useRef<HTMLFormElement>(null);
  const shownKind = kinds.includes(kind) ? kind : kinds[0]!;

  const focusKind = () => requestAnimationFrame(() => refocusKind(formRef.current));

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (add.isPending) return;
    const at = stepInstant(date, time);
    if (at === undefined) {
      setTimeError(fa.followup.step.timeInvalid);
      formRef.current?.querySelector<HTMLInputElement>('input[name="stepTime"]')?.focus();
      return;
    }
    setTimeError(undefined);
    add.mutate(
      { instructionId: instruction.id, kind: shownKind, text, at },
      {
        onSuccess: (after) => {
          notifications.show({ color: 'teal', message: fa.followup.step.saved });
          setText('');
          setDate(null);
          setTime('');
          onSaved(after);
          focusKind();
        },
      },
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const onKind = e.target instanceof HTMLInputElement && e.target.type === 'radio';
    if (isSaveKey(e)) {
      e.preventDefault();
      submit();
      return;
    }
    const digit = toLatinDigits(e.key);
    if (onKind && /^[1-4]$/.test(digit) && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      const k = kinds[Number(digit) - 1];
      if (k) {
        setKind(k);
        focusKind();
      }
      return;
    }
    if (onKind && e.key === 'Enter') {
      e.preventDefault();
      formRef.current?.querySelector<HTMLTextAreaElement>('textarea[name="stepText"]')?.focus();
      return;
    }
    enterMovesOn(e);
  };

  const err = (f: string) => fieldErrorExact(add.error, f);
  const general = add.error instanceof CallError && !FIELDS.includes(add.error.field ?? '') ? add.error.message : undefined;

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="step-form">
      <Stack gap="xs">
        {closed && (
          <Text size="sm" c="dimmed">
            {fa.followup.panel.closedNoteOnly}
          </Text>
        )}
        <NumberedSegments options={kinds} labels={STEP_LABELS} value={shownKind} onChange={setKind} ariaLabel={fa.followup.step.kind} testId="step-kind" />
        <Textarea
          label={fa.followup.step.text}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={err('text')}
          autosize
          minRows={2}
          required
          name="stepText"
        />
        <SimpleGrid cols={2} spacing="xs">
          <div onBlur={closeCalendarOnLeave}>
            <JalaliDateInput label={fa.followup.step.date} value={date} onChange={setDate} error={err('at')} name="stepDate" />
          </div>
          <TextInput
            label={fa.followup.step.time}
            placeholder={fa.followup.step.timeHint}
            value={time}
            onChange={(e) => {
              setTimeError(undefined);
              setTime(e.currentTarget.value);
            }}
            error={timeError}
            inputMode="numeric"
            name="stepTime"
          />
        </SimpleGrid>
        {general && (
          <Alert color="red" p="xs" data-testid="step-error">
            {general}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} data-enter-stop data-testid="save-step">
            {fa.followup.step.save} <Kbd ms="xs">Ctrl+Enter</Kbd>
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
