/** Issue 7: phone outreach campaigns (filled in by its implementation). */
export function CampaignsScreen(_props: { campaignId: string | null }) {
  return null;
}
