/** Issue 7: this area's Persian error messages and field labels (merged into messages.ts). */
export const fieldDeskMessages = {} as const;
export const fieldDeskFieldLabels: Record<string, string> = {};
