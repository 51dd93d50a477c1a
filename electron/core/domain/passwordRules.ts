/** The password rule that needs the username too (the rest are in the contract's `password` field). */
import { PASSWORD_MIN_LENGTH } from '../contract/fields';

/**
 * Whether a password leans on the username: the username (ignoring case) does not count towards
 * the length, so `admin12345` is refused for `admin` while a long phrase that happens to contain
 * it still passes.
 */
export function leansOnUsername(password: string, username: string): boolean {
  if (username.length === 0) return false;
  const rest = password.toLowerCase().split(username.toLowerCase()).join('');
  return rest.length !== password.length && [...rest].length < PASSWORD_MIN_LENGTH;
}
