import { Badge, Group, Text, Timeline } from '@mantine/core';
import type { FollowupStep } from '../../../../electron/core/contract';
import { fa, fill } from '../../locale/fa';
import { jalaliAt } from '../desk/display';
import { STEP_LABELS } from './labels';

const STEP_COLORS: Record<FollowupStep['kind'], string> = { call: 'blue', letter: 'indigo', visit: 'grape', note: 'gray', result: 'teal', reopen: 'orange' };

/** The follow-up steps of an instruction, oldest first: what was done, by whom, when, what was said. */
export function StepsTimeline({ steps }: { steps: FollowupStep[] }) {
  if (steps.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="steps-empty">
        {fa.followup.panel.noSteps}
      </Text>
    );
  }
  return (
    <Timeline active={steps.length - 1} bulletSize={14} lineWidth={2} data-testid="steps">
      {steps.map((s) => (
        <Timeline.Item
          key={s.id}
          color={STEP_COLORS[s.kind]}
          title={
            <Group gap={6} wrap="nowrap">
              <Badge size="sm" variant="light" color={STEP_COLORS[s.kind]}>
                {STEP_LABELS[s.kind]}
              </Badge>
              <Text size="xs" c="dimmed">
                {fill(fa.followup.panel.by, { name: s.byName, at: jalaliAt(s.at) })}
              </Text>
            </Group>
          }
          data-testid="step"
        >
          {s.text && (
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
              {s.text}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
