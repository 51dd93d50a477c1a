import { Loader } from '@mantine/core';
import { useCall } from '../../api/hooks';
import { CampaignList } from './CampaignList';
import { CampaignPage } from './CampaignPage';

/** Issue 7: phone outreach campaigns — the list (and a new one), or one campaign's page. */
export function CampaignsScreen({ campaignId }: { campaignId: string | null }) {
  const me = useCall('auth.me', {});
  if (!me.data) return <Loader />;
  return campaignId ? <CampaignPage campaignId={campaignId} me={me.data} /> : <CampaignList me={me.data} />;
}
