import { Stack, TextInput } from '@mantine/core';
import { fa } from '../../locale/fa';
import type { StepProps } from './stepProps';

/** Step 1: the directorate's name (printed on every slip) and its province. */
export function DirectorateStep({ state, set, error }: StepProps) {
  return (
    <Stack maw={560}>
      <TextInput
        label={fa.setup.directorateName}
        description={fa.setup.directorateHint}
        value={state.directorateName}
        onChange={(e) => set({ directorateName: e.currentTarget.value })}
        error={error('directorateName')}
        name="directorateName"
        required
        data-autofocus
      />
      <TextInput
        label={fa.setup.province}
        value={state.province}
        onChange={(e) => set({ province: e.currentTarget.value })}
        error={error('province')}
        name="province"
        required
      />
    </Stack>
  );
}
