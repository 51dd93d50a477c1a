import { Anchor, Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { Actor } from '../../../../electron/core/contract';
import { useCall } from '../../api/hooks';
import { fa, fill } from '../../locale/fa';
import { CallersPanel } from './CallersPanel';
import { CallWorklist } from './CallWorklist';
import { CampaignReportView } from './CampaignReportView';
import { circumstancesText, countiesText, n, periodText } from './labels';

/** One campaign: its call list (the caller's own), its callers and list (organizers), its report. */
export function CampaignPage({ campaignId, me }: { campaignId: string; me: Actor }) {
  const [, navigate] = useLocation();
  const campaign = useCall('campaigns.get', { campaignId });
  const lists = useCall('lists.all', {});
  const [tab, setTab] = useState<string | null>(null);
  const c = campaign.data;
  if (campaign.error) return <Text c="red">{campaign.error.message}</Text>;
  if (!c) return <Loader />;
  const canCall = c.myKind !== null || c.canManage;
  const current = tab ?? (canCall ? 'calls' : 'report');
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <div>
          <Anchor size="sm" onClick={() => navigate('/campaigns')}>
            {fa.campaigns.back}
          </Anchor>
          <Title order={2} data-testid="campaign-title">
            {c.title}
          </Title>
          <Text size="sm" c="dimmed">
            {periodText(c)} | {countiesText(c.countyIds, lists.data?.counties)} | {circumstancesText(c.circumstances)}
          </Text>
          <Text size="sm" data-testid="campaign-summary">
            {c.drawnAt
              ? fill(fa.campaigns.summary, {
                  total: n(c.targets.total),
                  pending: n(c.targets.pending),
                  reached: n(c.targets.reached),
                  notReached: n(c.targets.notReached),
                  callBack: n(c.targets.callBack),
                  calls: n(c.calls),
                })
              : fa.campaigns.notDrawn}
          </Text>
        </div>
        <Group gap="xs">
          {c.myKind && <Badge variant="light">{fa.campaigns.kinds[c.myKind]}</Badge>}
          {(me.role === 'admin' || me.role === 'official') && (
            <Button size="xs" variant="light" color="indigo" onClick={() => navigate(`/meetings/${c.meetingId}/desk`)}>
              {fa.campaigns.meetingLink}
            </Button>
          )}
        </Group>
      </Group>
      <Tabs value={current} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {canCall && <Tabs.Tab value="calls">{fa.campaigns.tabs.calls}</Tabs.Tab>}
          {c.canManage && <Tabs.Tab value="callers">{fa.campaigns.tabs.callers}</Tabs.Tab>}
          <Tabs.Tab value="report" data-testid="tab-report">
            {fa.campaigns.tabs.report}
          </Tabs.Tab>
        </Tabs.List>
        {canCall && (
          <Tabs.Panel value="calls" pt="sm">
            <CallWorklist campaign={c} me={me} />
          </Tabs.Panel>
        )}
        {c.canManage && (
          <Tabs.Panel value="callers" pt="sm">
            <CallersPanel campaign={c} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="report" pt="sm">
          <CampaignReportView campaignId={c.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
