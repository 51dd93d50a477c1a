import { Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCall } from '../../api/hooks';
import { fa as faDigits } from '../../format';
import { fa } from '../../locale/fa';
import { ConflictsPanel } from './ConflictsPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

/** Issue 7: a site's export and the directorate's import, and the conflicts a person decides. */
export function SyncScreen() {
  const conflicts = useCall('sync.conflicts', { status: 'open', limit: 1 });
  const open = conflicts.data?.open ?? 0;
  return (
    <Stack>
      <Title order={2}>{fa.sync.title}</Title>
      <Text c="dimmed" size="sm" maw={900}>
        {fa.sync.intro}
      </Text>
      <Tabs defaultValue="import" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="export" data-testid="sync-tab-export">
            {fa.sync.tabExport}
          </Tabs.Tab>
          <Tabs.Tab value="import" data-testid="sync-tab-import">
            {fa.sync.tabImport}
          </Tabs.Tab>
          <Tabs.Tab value="conflicts" data-testid="sync-tab-conflicts">
            <Group gap={6} wrap="nowrap">
              {fa.sync.tabConflicts}
              {open > 0 && (
                <Badge color="orange" size="sm" data-testid="sync-open-conflicts">
                  {faDigits(String(open))}
                </Badge>
              )}
            </Group>
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="export" pt="md">
          <ExportPanel />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <ImportPanel />
        </Tabs.Panel>
        <Tabs.Panel value="conflicts" pt="md">
          <ConflictsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
