/** Issue 7 (campaigns): filled in by its implementation. */
export default /* sql */ `
-- nothing yet
`;
