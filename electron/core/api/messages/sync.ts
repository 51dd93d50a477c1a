/** Issue 7: this area's Persian error messages and field labels (merged into messages.ts). */
export const syncMessages = {} as const;
export const syncFieldLabels: Record<string, string> = {};
