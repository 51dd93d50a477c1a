/** Issue 7: this area's Persian error messages and field labels (merged into messages.ts). */
export const campaignsMessages = {} as const;
export const campaignsFieldLabels: Record<string, string> = {};
