/** Issue 7: this area's texts (merged into fa.ts as `fa.sharedIssues`). */
export const sharedIssuesFa = {} as const;
