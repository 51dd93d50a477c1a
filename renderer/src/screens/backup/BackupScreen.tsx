import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { BackupEntry } from '../../../../electron/core/contract/backup';
import { useCall } from '../../api/hooks';
import { fa } from '../../locale/fa';
import { BackupTable } from './BackupTable';
import { JobPanel } from './JobPanel';
import { PolicyForm } from './PolicyForm';
import { RestoreDialog } from './RestoreDialog';

const t = fa.backup;

/** Backups and restore (admin): the job and "back up now", the list with restore, the schedule and retention. */
export function BackupScreen() {
  const overview = useCall('backup.list', {});
  const [chosen, setChosen] = useState<BackupEntry | null>(null);
  const o = overview.data;
  return (
    <Stack>
      <div>
        <Title order={2}>{t.title}</Title>
        <Text size="sm" c="dimmed">
          {t.hint}
        </Text>
      </div>
      {o && (
        <>
          <JobPanel overview={o} />
          <BackupTable backups={o.backups} busy={o.job !== null} onRestore={setChosen} />
          <PolicyForm key={JSON.stringify([o.policy, o.folderSetting])} overview={o} />
          <RestoreDialog entry={chosen} onClose={() => setChosen(null)} />
        </>
      )}
    </Stack>
  );
}
