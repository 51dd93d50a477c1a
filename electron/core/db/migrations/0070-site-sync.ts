/** Issue 7 (sync): filled in by its implementation. */
export default /* sql */ `
-- nothing yet
`;
