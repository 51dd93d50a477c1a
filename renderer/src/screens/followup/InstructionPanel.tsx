import { Badge, Divider, Drawer, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Actor, FollowupItem, Instruction, ListItem } from '../../../../electron/core/contract';
import { toLatinDigits } from '../../../../electron/core/domain/digits';
import { useCall } from '../../api/hooks';
import { fa as faDigits, jalaliDate } from '../../format';
import { fa, fill } from '../../locale/fa';
import { groupTrackingCode, instructionTarget, jalaliAt, KIND_LABELS, STATUS_LABELS } from '../desk/display';
import { InstructionNotes } from '../desk/InstructionView';
import { KeyHints } from './KeyHints';
import { CloseForm } from './CloseForm';
import { deliveredText, OUTCOME_LABELS } from './labels';
import { ReopenForm } from './ReopenForm';
import { StepForm } from './StepForm';
import { StepsTimeline } from './StepsTimeline';

type Tab = 'step' | 'close' | 'reopen';

/** The first field of a tab's form: the checked kind or result, else the first text box. */
const FIRST_FIELD: Record<Tab, string> = {
  step: '[data-testid="step-form"] input[type=radio]:checked',
  close: '[data-testid="close-form"] input[type=radio]:checked',
  reopen: '[data-testid="reopen-form"] input',
};

export function focusTab(tab: Tab): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(FIRST_FIELD[tab])?.focus());
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="div" size="sm" fw={600}>
        {children}
      </Text>
    </Stack>
  );
}

/** Whether the user may reopen a closed instruction (the directorate only, not a representative). */
export function mayReopen(me: Actor): boolean {
  return me.role === 'admin' || me.role === 'official' || me.role === 'followup';
}

interface Props {
  item: FollowupItem | null;
  me: Actor;
  reasons: ListItem[];
  onClose(): void;
  /** An instruction changed here (a step, a result, a reopen): the caller keeps its copy current. */
  onChanged(instruction: Instruction): void;
}

/**
 * One instruction in a drawer: who and what, the steps so far, and the forms to add a step,
 * record the result (which closes it) or reopen it with a reason.
 */
export function InstructionPanel({ item, me, reasons, onClose, onChanged }: Props) {
  return (
    <Drawer
      opened={item !== null}
      onClose={onClose}
      position="left"
      size={680}
      transitionProps={{ duration: 120 }}
      onEnterTransitionEnd={() => focusTab('step')}
      title={
        item && (
          <Group gap="xs">
            <Text c="dimmed">{fa.followup.panel.title}</Text>
            <Text fw={800} size="lg" dir="ltr" data-testid="panel-code">
              {groupTrackingCode(item.instruction.trackingCode)}
            </Text>
          </Group>
        )
      }
      data-testid="instruction-panel"
    >
      {item && <PanelBody key={item.instruction.id} item={item} me={me} reasons={reasons} onChanged={onChanged} />}
    </Drawer>
  );
}

function PanelBody({ item, me, reasons, onChanged }: { item: FollowupItem; me: Actor; reasons: ListItem[]; onChanged(i: Instruction): void }) {
  const i = item.instruction;
  const open = i.status === 'open';
  const steps = useCall('followups.steps', { instructionId: i.id });
  const [tab, setTab] = useState<Tab>('step');
  const canReopen = i.status === 'closed' && mayReopen(me);
  // Closed or reopened: the forms change, and the cursor goes to the step form's first field.
  const shownStatus = useRef(i.status);
  useEffect(() => {
    if (shownStatus.current === i.status) return;
    shownStatus.current = i.status;
    focusTab('step');
  }, [i.status]);
  const shownTab: Tab = tab === 'close' && !open ? 'step' : tab === 'reopen' && !canReopen ? 'step' : tab;
  const go = (t: Tab) => {
    setTab(t);
    focusTab(t);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const digit = toLatinDigits(e.key);
    const target: Tab | null = digit === '1' ? 'step' : digit === '2' && open ? 'close' : digit === '3' && canReopen ? 'reopen' : null;
    if (target) {
      e.preventDefault();
      go(target);
    }
  };
  const delivered = deliveredText(i);
  return (
    <Stack gap="sm" onKeyDown={onKeyDown}>
      <Group gap={6}>
        <Badge variant="light" color={open ? 'blue' : i.status === 'closed' ? 'teal' : 'gray'} data-testid="panel-status">
          {STATUS_LABELS[i.status]}
        </Badge>
        {open && item.overdue && (
          <Badge color="red" variant="filled" data-testid="panel-overdue">
            {fa.followup.overdue}
          </Badge>
        )}
        {open && item.stale && (
          <Badge color="orange" variant="filled">
            {fill(fa.followup.staleFor, { n: faDigits(item.daysSinceStep) })}
          </Badge>
        )}
      </Group>
      <Paper withBorder p="sm">
        <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
          <Field label={fa.followup.panel.client}>{item.clientName}</Field>
          <Field label={fa.followup.panel.nationalId}>
            <span dir="ltr">{faDigits(item.nationalId)}</span>
          </Field>
          <Field label={fa.followup.panel.mobile}>
            <span dir="ltr">{item.mobile ? faDigits(item.mobile) : fa.app.none}</span>
          </Field>
          <Field label={fa.followup.panel.meeting}>
            {item.meetingTitle}، {jalaliDate(item.meetingDate)}
          </Field>
          <Field label={fa.lookup.referredTo}>{instructionTarget(i) || KIND_LABELS[i.kind]}</Field>
          <Field label={fa.followup.panel.due}>{jalaliDate(i.dueDate)}</Field>
        </SimpleGrid>
        <Divider my="xs" />
        <Text size="xs" c="dimmed">
          {fa.followup.panel.request}: {item.categoryName}
        </Text>
        <Text size="sm" mb={6}>
          {item.requestText}
        </Text>
        <Text size="xs" c="dimmed">
          {fa.followup.panel.instruction} ({KIND_LABELS[i.kind]})
        </Text>
        <Text size="sm">{i.text}</Text>
        <InstructionNotes instruction={i} />
      </Paper>
      {i.status === 'closed' && i.outcome && (
        <Paper withBorder p="sm" bg={i.outcome === 'not_possible' ? 'orange.0' : 'teal.0'} data-testid="panel-result">
          <Group gap="xs">
            <Text fw={700}>
              {fa.followup.panel.result}: {OUTCOME_LABELS[i.outcome]}
            </Text>
            {i.outcomeReasonName && <Text>({i.outcomeReasonName})</Text>}
          </Group>
          {i.outcomeNote && <Text size="sm">{i.outcomeNote}</Text>}
          {delivered && <Text size="sm">{delivered}</Text>}
          {i.closedAt && (
            <Text size="xs" c="dimmed">
              {fill(fa.followup.panel.closedAt, { at: jalaliAt(i.closedAt) })}
            </Text>
          )}
        </Paper>
      )}
      <Title order={5}>{fa.followup.panel.timeline}</Title>
      {steps.data ? <StepsTimeline steps={steps.data} /> : <Loader size="sm" />}
      <Tabs value={shownTab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="step">{fa.followup.panel.stepTab}</Tabs.Tab>
          {open && <Tabs.Tab value="close">{fa.followup.panel.closeTab}</Tabs.Tab>}
          {canReopen && <Tabs.Tab value="reopen">{fa.followup.panel.reopenTab}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="step" pt="sm">
          <StepForm key={i.status} instruction={i} onSaved={onChanged} />
        </Tabs.Panel>
        {open && (
          <Tabs.Panel value="close" pt="sm">
            <CloseForm
              instruction={i}
              reasons={reasons}
              onSaved={(after) => {
                onChanged(after);
                go('step');
              }}
            />
          </Tabs.Panel>
        )}
        {canReopen && (
          <Tabs.Panel value="reopen" pt="sm">
            <ReopenForm
              instruction={i}
              onSaved={(after) => {
                onChanged(after);
                go('step');
              }}
            />
          </Tabs.Panel>
        )}
      </Tabs>
      <KeyHints keys={fa.followup.panel.keys.filter(([key]) => (key !== 'Alt+2' || open) && (key !== 'Alt+3' || canReopen))} testId="panel-keys" />
    </Stack>
  );
}
