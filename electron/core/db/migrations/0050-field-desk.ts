/** Issue 7 (fieldDesk): filled in by its implementation. */
export default /* sql */ `
-- nothing yet
`;
