import { Button, Image, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { fa as faDigits } from '../../format';
import { fa, fill } from '../../locale/fa';
import type { StepName, WizardState } from './wizardState';

/** Step 7: everything at a glance, each part with a way back to its step. */
export function ReviewStep({ state, defaultFolder, goTo }: { state: WizardState; defaultFolder: string; goTo(step: StepName): void }) {
  const rows: [StepName, string, ReactNode][] = [
    ['directorate', fa.setup.directorateName, state.directorateName],
    ['directorate', fa.setup.province, state.province],
    [
      'counties',
      fa.setup.steps.counties,
      <Stack gap={2} key="counties">
        <Text span size="sm">{state.counties.map((c) => c.name).join('، ')}</Text>
        <Text span size="xs" c="dimmed">
          {fill(fa.setup.countiesCount, { n: faDigits(state.counties.length) })}
        </Text>
      </Stack>,
    ],
    ['logo', fa.setup.steps.logo, state.logo ? <Image src={state.logo} alt={fa.setup.steps.logo} h={48} w="auto" fit="contain" /> : fa.setup.noLogo],
    ['admin', fa.setup.displayName, state.displayName],
    [
      'admin',
      fa.setup.username,
      <Text span size="sm" dir="ltr" key="username">
        {state.username}
      </Text>,
    ],
    [
      'printer',
      fa.setup.steps.printer,
      state.printer ? (
        <Text span size="sm" dir="ltr" key="printer">
          {state.printer}
        </Text>
      ) : (
        fa.setup.printerNone
      ),
    ],
    [
      'backup',
      fa.setup.steps.backup,
      <Text span size="sm" dir="ltr" key="backup">
        {state.backupMode === 'beside' ? defaultFolder : state.backupFolder}
      </Text>,
    ],
  ];
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {fa.setup.reviewIntro}
      </Text>
      <Table withTableBorder data-testid="setup-review">
        <Table.Tbody>
          {rows.map(([step, label, value], i) => (
            <Table.Tr key={i}>
              <Table.Th w={160}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
              <Table.Td w={90}>
                <Button size="compact-sm" variant="subtle" onClick={() => goTo(step)}>
                  {fa.setup.edit}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
