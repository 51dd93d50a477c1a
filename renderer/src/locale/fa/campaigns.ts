/** Issue 7: this area's texts (merged into fa.ts as `fa.campaigns`). */
export const campaignsFa = {} as const;
