/** Issue 7: this area's texts (merged into fa.ts as `fa.sync`). */
export const syncFa = {} as const;
