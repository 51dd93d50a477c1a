/** Issue 7: this area's texts (merged into fa.ts as `fa.fieldDesk`). */
export const fieldDeskFa = {} as const;
