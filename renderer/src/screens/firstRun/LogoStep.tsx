import { Stack, Text } from '@mantine/core';
import { LogoInput } from '../../components/LogoInput';
import { fa } from '../../locale/fa';
import type { StepProps } from './stepProps';

/** Step 3 (optional): the logo printed at the head of slips, tickets and reports. */
export function LogoStep({ state, set, error }: StepProps) {
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {fa.setup.logoIntro}
      </Text>
      <LogoInput value={state.logo} onChange={(logo) => set({ logo })} error={error('logo')} />
    </Stack>
  );
}
