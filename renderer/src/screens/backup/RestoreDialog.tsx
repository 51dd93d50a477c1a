import { Alert, Button, Code, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BackupEntry } from '../../../../electron/core/contract/backup';
import { useAction } from '../../api/hooks';
import { jalaliDateOf, tehranTime } from '../../format';
import { fa, fill } from '../../locale/fa';
import { keptNameLike, reasonLabel, sizeLabel } from './labels';

const t = fa.backup;

/** Says what a restore will do before it is asked for; a refusal (a damaged or newer file) is shown here. */
export function RestoreDialog({ entry, onClose }: { entry: BackupEntry | null; onClose(): void }) {
  const restore = useAction('backup.restore');
  const close = () => {
    restore.reset();
    onClose();
  };
  const time = entry ? `${jalaliDateOf(entry.at)}، ${tehranTime(entry.at)}` : '';
  return (
    <Modal opened={entry !== null} onClose={close} title={fill(t.confirmTitle, { time })} size="lg">
      {entry && (
        <Stack>
          <Text>{fill(t.confirmIntro, { reason: reasonLabel(entry.reason), size: sizeLabel(entry.size) })}</Text>
          <List spacing="xs" size="sm">
            <List.Item>{t.confirmCheck}</List.Item>
            <List.Item>
              {t.confirmKeep}
              <Code block dir="ltr" mt={4}>
                {keptNameLike()}
              </Code>
            </List.Item>
            <List.Item>{fill(t.confirmLoss, { time })}</List.Item>
            <List.Item fw={600}>{t.confirmSignOut}</List.Item>
          </List>
          {restore.error && (
            <Alert color="red" data-testid="restore-error">
              {restore.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {fa.app.cancel}
            </Button>
            <Button
              color="red"
              loading={restore.isPending}
              onClick={() =>
                restore.mutate(
                  { backupName: entry.name },
                  {
                    onSuccess: () => {
                      notifications.show({ color: 'orange', message: t.restoreStarted });
                      close();
                    },
                  },
                )
              }
            >
              {t.confirm}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
