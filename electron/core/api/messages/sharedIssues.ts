/** Issue 7: this area's Persian error messages and field labels (merged into messages.ts). */
export const sharedIssuesMessages = {} as const;
export const sharedIssuesFieldLabels: Record<string, string> = {};
