import { Alert, Button, Group, Kbd, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Funder, Instruction, ListItem, Outcome } from '../../../../electron/core/contract';
import { toLatinDigits } from '../../../../electron/core/domain/digits';
import { CallError } from '../../api/client';
import { useAction } from '../../api/hooks';
import { enterMovesOn } from '../../components/enterMovesOn';
import { fieldErrorExact } from '../../components/errors';
import { NumberedSegments, refocusKind } from '../../components/NumberedSegments';
import { TomanInput } from '../../components/TomanInput';
import { fa, keysOf } from '../../locale/fa';
import { enterPicksFirstOption } from '../../components/comboboxEnter';
import { FUNDER_LABELS } from '../desk/display';
import { parseAmount, showAmount } from '../desk/draft';
import { isSaveKey } from './keys';
import { OUTCOME_LABELS, OUTCOMES } from './labels';

const FIELDS = ['outcome', 'reasonId', 'note', 'deliveredToman', 'funder'];

interface Props {
  instruction: Instruction;
  /** The configurable reasons for «not possible» (lists.outcomeReasons). */
  reasons: ListItem[];
  onSaved(instruction: Instruction): void;
  /** Who records it: the follow-up desk (default), or an agency's representative at a field desk's table. */
  method?: 'followups.close' | 'agencyDesk.answer';
  /** The message shown once saved. */
  savedMessage?: string;
}

/**
 * The result that closes an instruction: done, partly done, or not possible with a reason from
 * the list; the amount actually delivered (toman) and who funded it. 1–3 on the result control,
 * Enter to the next field, Ctrl+Enter to save.
 */
export function CloseForm({ instruction, reasons, onSaved, method = 'followups.close', savedMessage = fa.followup.close.saved }: Props) {
  const [outcome, setOutcome] = useState<Outcome>('done');
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [funder, setFunder] = useState<Funder | null>(null);
  const [note, setNote] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();
  const close = useAction(method);
  const formRef = useRef<HTMLFormElement>(null);

  const choose = (o: Outcome) => {
    setOutcome(o);
    requestAnimationFrame(() => refocusKind(formRef.current));
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (close.isPending) return;
    const delivered = parseAmount(amount);
    if (!delivered.ok) {
      setAmountError(fa.desk.amountNotNumber);
      formRef.current?.querySelector<HTMLInputElement>('input[name="delivered"]')?.focus();
      return;
    }
    setAmountError(undefined);
    close.mutate(
      {
        instructionId: instruction.id,
        outcome,
        reasonId: outcome === 'not_possible' ? reasonId : null,
        note,
        deliveredToman: delivered.value,
        funder: delivered.value === null ? null : funder,
      },
      {
        onSuccess: (after) => {
          notifications.show({ color: 'teal', message: savedMessage });
          onSaved(after);
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
    if (onKind && /^[1-3]$/.test(digit) && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      choose(OUTCOMES[Number(digit) - 1]!);
      return;
    }
    if (enterPicksFirstOption(e)) return;
    if (onKind && e.key === 'Enter') {
      e.preventDefault();
      formRef.current?.querySelector<HTMLInputElement>(outcome === 'not_possible' ? 'input[data-field="reasonId"]' : 'input[name="delivered"]')?.focus();
      return;
    }
    enterMovesOn(e);
  };

  const err = (f: string) => fieldErrorExact(close.error, f);
  const general = close.error instanceof CallError && !FIELDS.includes(close.error.field ?? '') ? close.error.message : undefined;
  const reasonOptions = reasons.filter((r) => r.active || r.id === reasonId).map((r) => ({ value: r.id, label: r.name }));

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="close-form">
      <Stack gap="xs">
        <NumberedSegments
          options={OUTCOMES}
          labels={OUTCOME_LABELS}
          value={outcome}
          onChange={setOutcome}
          ariaLabel={fa.followup.close.outcome}
          color={outcome === 'not_possible' ? 'orange' : 'teal'}
          testId="outcome"
        />
        {outcome === 'not_possible' && (
          <Select
            label={fa.followup.close.reason}
            data={reasonOptions}
            value={reasonId}
            onChange={setReasonId}
            error={err('reasonId')}
            searchable
            selectFirstOptionOnChange
            openOnFocus={false}
            required
            name="reasonId"
            data-field="reasonId"
          />
        )}
        <SimpleGrid cols={2} spacing="xs">
          <TomanInput
            label={fa.followup.close.delivered}
            value={amount}
            onChange={(v) => {
              setAmountError(undefined);
              setAmount(showAmount(v));
            }}
            error={amountError ?? err('deliveredToman')}
            name="delivered"
          />
          <Select
            label={fa.followup.close.funder}
            data={keysOf(FUNDER_LABELS).map((f) => ({ value: f, label: FUNDER_LABELS[f] }))}
            value={funder}
            onChange={(v) => setFunder(v as Funder | null)}
            error={err('funder')}
            searchable
            selectFirstOptionOnChange
            openOnFocus={false}
            clearable
            name="funder"
          />
        </SimpleGrid>
        <Textarea label={fa.followup.close.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={err('note')} autosize minRows={2} name="closeNote" />
        {general && (
          <Alert color="red" p="xs" data-testid="close-error">
            {general}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" color={outcome === 'not_possible' ? 'orange' : 'teal'} loading={close.isPending} data-enter-stop data-testid="save-close">
            {fa.followup.close.save} <Kbd ms="xs">Ctrl+Enter</Kbd>
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
