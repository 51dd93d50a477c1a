import { Paper, Stack, Tabs, Title } from '@mantine/core';
import { useCall } from '../api/hooks';
import { fa, keysOf } from '../locale/fa';
import { GeneralSettings } from './settings/GeneralSettings';
import { ListEditor } from './settings/ListEditor';
import { NetworkSettings } from './settings/NetworkSettings';

/** The admin's lists (counties, units, agencies, request categories) and general settings. */
export function SettingsScreen() {
  const lists = useCall('lists.all', {});
  return (
    <Stack>
      <Title order={2}>{fa.settings.title}</Title>
      <Paper withBorder p="md">
        <Tabs defaultValue="categories">
          <Tabs.List mb="md">
            {keysOf(fa.settings.lists).map((k) => (
              <Tabs.Tab key={k} value={k}>
                {fa.settings.lists[k]}
              </Tabs.Tab>
            ))}
            <Tabs.Tab value="general">{fa.settings.general}</Tabs.Tab>
            <Tabs.Tab value="network">{fa.station.settings.tab}</Tabs.Tab>
          </Tabs.List>
          {keysOf(fa.settings.lists).map((k) => (
            <Tabs.Panel key={k} value={k}>
              <ListEditor kind={k} items={lists.data?.[k] ?? []} />
            </Tabs.Panel>
          ))}
          <Tabs.Panel value="general">
            <GeneralSettings />
          </Tabs.Panel>
          <Tabs.Panel value="network">
            <NetworkSettings />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Stack>
  );
}
