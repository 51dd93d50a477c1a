import { Code, Radio, Stack, Text, TextInput } from '@mantine/core';
import { fa } from '../../locale/fa';
import type { StepProps } from './stepProps';

/**
 * Step 6: where backups go — the `backups` folder beside the database (its full path shown), or
 * another absolute folder the host must be able to create and write into (checked when the
 * wizard finishes).
 */
export function BackupStep({ state, set, error, defaultFolder }: StepProps & { defaultFolder: string }) {
  return (
    <Stack maw={640}>
      <Text size="sm" c="dimmed">
        {fa.setup.backupIntro}
      </Text>
      <Radio.Group
        value={state.backupMode}
        onChange={(v) => set({ backupMode: v === 'other' ? 'other' : 'beside' })}
        name="backupMode"
        error={state.backupMode === 'beside' ? error('backupFolder') : undefined}
      >
        <Stack gap="sm">
          <Radio
            value="beside"
            data-autofocus={state.backupMode === 'beside' ? true : undefined}
            label={
              <Stack gap={4}>
                <Text span>{fa.setup.besideDatabase}</Text>
                <Code dir="ltr" data-testid="default-backup-folder">
                  {defaultFolder}
                </Code>
              </Stack>
            }
          />
          <Radio value="other" label={fa.setup.otherFolder} />
        </Stack>
      </Radio.Group>
      {state.backupMode === 'other' && (
        <TextInput
          label={fa.setup.backupFolder}
          description={fa.setup.backupFolderHint}
          value={state.backupFolder}
          onChange={(e) => set({ backupFolder: e.currentTarget.value })}
          error={error('backupFolder')}
          name="backupFolder"
          dir="ltr"
          required
        />
      )}
    </Stack>
  );
}
