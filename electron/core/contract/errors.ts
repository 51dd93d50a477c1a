/** The closed set of error codes that cross a transport. */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'forbidden',
  'conflict',
  'unauthenticated',
  'unknown_method',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** Persian, for people. */
  message: string;
  /** The input field the error concerns, as a dotted path (`newClient.nationalId`, `requests.0.text`). */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
