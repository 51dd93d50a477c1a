/** Look up an instruction by its tracking code. */
export function Lookup() {
  return null;
}
