/** Issue 7 (sharedIssues): filled in by its implementation. */
export default /* sql */ `
-- nothing yet
`;
