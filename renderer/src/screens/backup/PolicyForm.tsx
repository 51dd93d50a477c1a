import { Button, Group, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { BackupOverview } from '../../../../electron/core/contract/backup';
import { useAction } from '../../api/hooks';
import { enterMovesOn } from '../../components/enterMovesOn';
import { fieldError } from '../../components/errors';
import { fa } from '../../locale/fa';
import { NumberField, numberOf } from './NumberField';

const t = fa.backup;

/** The schedule, the retention numbers and the folder; the host checks the folder can be written. */
export function PolicyForm({ overview }: { overview: BackupOverview }) {
  const save = useAction('backup.savePolicy');
  const { everyHours, keepLast, keepDays } = overview.policy;
  const [form, setForm] = useState({ everyHours: String(everyHours), keepLast: String(keepLast), keepDays: String(keepDays), backupFolder: overview.folderSetting });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { everyHours: numberOf(form.everyHours), keepLast: numberOf(form.keepLast), keepDays: numberOf(form.keepDays), backupFolder: form.backupFolder },
      { onSuccess: () => notifications.show({ color: 'teal', message: t.policySaved }) },
    );
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} onKeyDown={enterMovesOn} noValidate>
        <Stack>
          <Title order={4}>{t.policyTitle}</Title>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NumberField
              label={t.everyHours}
              description={t.everyHoursHint}
              value={form.everyHours}
              onChange={(everyHours) => setForm({ ...form, everyHours })}
              unit={t.hours}
              error={fieldError(save.error, 'everyHours')}
              name="everyHours"
            />
            <NumberField label={t.keepLast} value={form.keepLast} onChange={(keepLast) => setForm({ ...form, keepLast })} error={fieldError(save.error, 'keepLast')} name="keepLast" />
            <NumberField
              label={t.keepDays}
              description={t.keepDaysHint}
              value={form.keepDays}
              onChange={(keepDays) => setForm({ ...form, keepDays })}
              unit={t.days}
              error={fieldError(save.error, 'keepDays')}
              name="keepDays"
            />
          </SimpleGrid>
          <TextInput
            label={t.backupFolder}
            description={t.backupFolderHint}
            placeholder={overview.folderSetting ? undefined : overview.folder}
            value={form.backupFolder}
            onChange={(e) => setForm({ ...form, backupFolder: e.currentTarget.value })}
            error={fieldError(save.error, 'backupFolder')}
            dir="ltr"
            name="backupFolder"
          />
          <Group>
            <Button type="submit" loading={save.isPending} data-enter-stop>
              {fa.app.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
