import { Alert, Button, Checkbox, Group, Kbd, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useRef, useState, type FocusEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { DueDays, InstructionKind, Lists } from '../../../../electron/core/contract';
import { toLatinDigits } from '../../../../electron/core/domain/digits';
import { CallError } from '../../api/client';
import { JalaliDateInput } from '../../components/JalaliDateInput';
import { enterMovesOn } from '../../components/enterMovesOn';
import { fieldErrorExact } from '../../components/errors';
import { NumberedSegments, refocusKind } from '../../components/NumberedSegments';
import { TomanInput } from '../../components/TomanInput';
import { fa, keysOf } from '../../locale/fa';
import { enterPicksFirstOption } from '../../components/comboboxEnter';
import { FUNDER_LABELS, KIND_SHORT, KINDS } from './display';
import { useDeskMeeting } from './deskMeeting';
import { fieldsOf, showAmount, withKind, type Draft, type InstructionFields } from './draft';

/**
 * The Jalali picker closes its calendar only on a click outside it; when the keyboard moves
 * the focus out (Enter, Tab), tell it so with such a click, or the calendar would cover the
 * next fields.
 */
function closeCalendarOnLeave(e: FocusEvent<HTMLDivElement>): void {
  if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
  document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
}

/** Fields a failed call may name that this form shows at the field itself. */
const FIELD_PATHS = ['fields.atTable', 'fields.kind', 'fields.text', 'fields.answer', 'fields.reason', 'fields.reviewer', 'fields.unitId', 'fields.agencyId', 'fields.dueDate', 'fields.amountToman', 'fields.funder', 'reason'];

interface Props {
  initial: Draft;
  lists: Lists | undefined;
  dueDays: DueDays | undefined;
  /** 'amend' asks for the reason of the change too. */
  mode: 'issue' | 'amend';
  pending: boolean;
  error: unknown;
  onSubmit(fields: InstructionFields, reason: string): void;
  onClose?: () => void;
}

/**
 * The instruction for one request, keyboard-first: the kind with 1–5 or the arrow keys, Enter
 * to the next field, Ctrl+Enter to issue. Only the fields of the chosen kind are shown.
 */
export function InstructionForm({ initial, lists, dueDays, mode, pending, error, onSubmit, onClose }: Props) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [amendReason, setAmendReason] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  /** A new kind; when chosen on the kind control itself, the focus follows the checked option. */
  const chooseKind = (kind: InstructionKind, refocus: boolean) => {
    setDraft((d) => withKind(d, kind, dueDays));
    if (refocus) requestAnimationFrame(() => refocusKind(formRef.current));
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const fields = fieldsOf(draft);
    if (!fields) {
      setAmountError(fa.desk.amountNotNumber);
      formRef.current?.querySelector<HTMLInputElement>('input[name="amount"]')?.focus();
      return;
    }
    setAmountError(undefined);
    onSubmit(fields, amendReason);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const digit = toLatinDigits(e.key);
    const onKind = e.target instanceof HTMLInputElement && e.target.type === 'radio';
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      submit();
      return;
    }
    if (/^[1-5]$/.test(digit) && !e.ctrlKey && !e.metaKey && (e.altKey || onKind)) {
      e.preventDefault();
      chooseKind(KINDS[Number(digit) - 1]!, onKind);
      return;
    }
    if (enterPicksFirstOption(e)) return;
    if (onKind && e.key === 'Enter') {
      e.preventDefault();
      formRef.current?.querySelector<HTMLTextAreaElement>('textarea[name="text"]')?.focus();
      return;
    }
    enterMovesOn(e);
  };

  const err = (path: string) => fieldErrorExact(error, path);
  const general = error instanceof CallError && !FIELD_PATHS.includes(error.field ?? '') ? error.message : undefined;
  const units = (lists?.units ?? []).filter((u) => u.active || u.id === draft.unitId).map((u) => ({ value: u.id, label: u.name }));
  // Agencies at the meeting's table come first: a request can be handed to their representative there.
  const { presentAgencyIds } = useDeskMeeting();
  const present = new Set(presentAgencyIds);
  const agencyOptions = (lists?.agencies ?? []).filter((a) => a.active || a.id === draft.agencyId).map((a) => ({ value: a.id, label: a.name }));
  const agencies =
    present.size === 0
      ? agencyOptions
      : [
          { group: fa.fieldDesk.presentGroup, items: agencyOptions.filter((a) => present.has(a.value)) },
          { group: fa.fieldDesk.otherGroup, items: agencyOptions.filter((a) => !present.has(a.value)) },
        ];
  const atTable = draft.kind === 'agency' && draft.atTable === true;
  // Choosing an agency at the table hands the request to it there, unless the official unticks it.
  const chooseAgency = (agencyId: string | null) => set({ agencyId, atTable: agencyId !== null && present.has(agencyId) });

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="instruction-form">
      <Stack gap="xs">
        <NumberedSegments options={KINDS} labels={KIND_SHORT} value={draft.kind} onChange={(k) => chooseKind(k, false)} ariaLabel={fa.desk.fields.kind} testId="kind" />
        <SimpleGrid cols={2} spacing="xs">
          <Textarea
            label={fa.desk.fields.text}
            value={draft.text}
            onChange={(e) => set({ text: e.currentTarget.value })}
            error={err('fields.text')}
            autosize
            minRows={1}
            required
            name="text"
          />
          {draft.kind === 'answered' && (
            <Textarea label={fa.desk.fields.answer} value={draft.answer} onChange={(e) => set({ answer: e.currentTarget.value })} error={err('fields.answer')} autosize minRows={1} required name="answer" />
          )}
          {draft.kind === 'not_possible' && (
            <Textarea label={fa.desk.fields.reason} value={draft.reason} onChange={(e) => set({ reason: e.currentTarget.value })} error={err('fields.reason')} autosize minRows={1} required name="reason" />
          )}
          {draft.kind === 'review' && (
            <TextInput label={fa.desk.fields.reviewer} value={draft.reviewer} onChange={(e) => set({ reviewer: e.currentTarget.value })} error={err('fields.reviewer')} required name="reviewer" />
          )}
          {draft.kind === 'unit' && (
            <Select
              label={fa.desk.fields.unit}
              data={units}
              value={draft.unitId}
              onChange={(v) => set({ unitId: v })}
              error={err('fields.unitId')}
              searchable
              selectFirstOptionOnChange
              openOnFocus={false}
              required
              name="unitId"
            />
          )}
          {draft.kind === 'agency' && (
            <Select
              label={fa.desk.fields.agency}
              data={agencies}
              value={draft.agencyId}
              onChange={chooseAgency}
              error={err('fields.agencyId')}
              searchable
              selectFirstOptionOnChange
              openOnFocus={false}
              required
              name="agencyId"
            />
          )}
        </SimpleGrid>
        {draft.kind === 'agency' && draft.agencyId !== null && present.has(draft.agencyId) && (
          <Checkbox
            label={fa.fieldDesk.handToTable}
            description={fa.fieldDesk.handToTableHint}
            checked={atTable}
            onChange={(e) => set({ atTable: e.currentTarget.checked })}
            error={err('fields.atTable')}
            name="atTable"
            data-testid="at-table"
          />
        )}
        <SimpleGrid cols={3} spacing="xs">
          <div onBlur={closeCalendarOnLeave}>
            <JalaliDateInput
              label={atTable ? fa.fieldDesk.dueByRepresentative : fa.desk.fields.dueDate}
              value={atTable ? null : draft.dueDate}
              onChange={(v) => set({ dueDate: v, dueTouched: true })}
              error={err('fields.dueDate')}
              required={!atTable && (draft.kind === 'unit' || draft.kind === 'agency' || draft.kind === 'review')}
              disabled={atTable}
              name="dueDate"
            />
          </div>
          <TomanInput
            label={fa.desk.fields.amount}
            value={draft.amount}
            onChange={(v) => {
              setAmountError(undefined);
              set({ amount: showAmount(v) });
            }}
            error={amountError ?? err('fields.amountToman')}
            name="amount"
          />
          <Select
            label={fa.desk.fields.funder}
            data={keysOf(FUNDER_LABELS).map((f) => ({ value: f, label: FUNDER_LABELS[f] }))}
            value={draft.funder}
            onChange={(v) => set({ funder: v as Draft['funder'] })}
            error={err('fields.funder')}
            searchable
            selectFirstOptionOnChange
            openOnFocus={false}
            clearable
            name="funder"
          />
        </SimpleGrid>
        {mode === 'amend' && (
          <TextInput label={fa.desk.fields.amendReason} value={amendReason} onChange={(e) => setAmendReason(e.currentTarget.value)} error={err('reason')} required name="amendReason" />
        )}
        {general && (
          <Alert color="red" p="xs" data-testid="instruction-error">
            {general}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          {onClose && (
            <Button variant="subtle" onClick={onClose}>
              {fa.app.cancel}
            </Button>
          )}
          <Button type="submit" loading={pending} data-enter-stop data-testid={mode === 'amend' ? 'save-amend' : 'issue'}>
            {mode === 'amend' ? fa.desk.saveAmend : fa.desk.issue} <Kbd ms="xs">Ctrl+Enter</Kbd>
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
