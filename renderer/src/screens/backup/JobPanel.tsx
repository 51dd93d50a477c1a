import { Alert, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BackupOverview } from '../../../../electron/core/contract/backup';
import { useAction } from '../../api/hooks';
import { notifyError } from '../../components/errors';
import { fa as faDigits, jalaliDateTime } from '../../format';
import { fa, fill } from '../../locale/fa';

const t = fa.backup;

/** The job in progress (with its progress, kept fresh by `backup.changed`), the last outcome, and "back up now". */
export function JobPanel({ overview }: { overview: BackupOverview }) {
  const make = useAction('backup.make');
  const { job, last } = overview;
  const makeNow = () => make.mutate({}, { onSuccess: () => notifications.show({ color: 'teal', message: t.started }), onError: notifyError });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Text size="sm">{overview.nextAt ? fill(t.nextAt, { time: jalaliDateTime(overview.nextAt) }) : t.scheduleOff}</Text>
            <Text size="xs" c="dimmed">
              {t.folder}
              <span dir="ltr">{overview.folder}</span>
            </Text>
          </Stack>
          <Button onClick={makeNow} loading={make.isPending} disabled={job !== null} data-testid="backup-now">
            {t.makeNow}
          </Button>
        </Group>
        {job && (
          <div data-testid="backup-job">
            <Text size="sm" mb={4}>
              {fill(t.jobLine, { job: t.jobs[job.kind], phase: t.phases[job.phase] })}
              {job.progress > 0 && job.progress < 1 && ` ${faDigits(Math.round(job.progress * 100))}٪`}
            </Text>
            <Progress value={job.phase === 'copying' || job.phase === 'before-restore' ? job.progress * 100 : 100} animated striped />
          </div>
        )}
        {!job && last && (
          <Alert color={last.ok ? 'teal' : 'red'} title={last.ok ? undefined : fill(t.failedTitle, { job: t.jobs[last.kind] })} data-testid="backup-last">
            <Text size="sm">
              {last.ok
                ? last.kind === 'restore'
                  ? fill(t.restored, { keptAs: last.keptAs ?? '' })
                  : fill(last.kind === 'check' ? t.checked : t.made, { name: last.name })
                : last.message}
            </Text>
            <Text size="xs" c="dimmed">
              {jalaliDateTime(last.at)}
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
