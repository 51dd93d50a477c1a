/** The outbox of short messages to clients. */
export function OutboxScreen() {
  return null;
}
