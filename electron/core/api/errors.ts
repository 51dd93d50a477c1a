import type { z } from 'zod';
import type { ApiError, ErrorCode } from '../contract';
import { toPersianDigits } from '../domain/digits';
import { FIELD_LABELS, GENERIC_BY_CODE, message, MESSAGES, type MessageKey } from './messages';

/** An error a handler throws on purpose; it rolls the transaction back and reaches the caller as is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey | null,
    readonly field?: string,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(key ?? code);
  }
  toApi(): ApiError {
    const text = this.key ? message(this.key, this.vars) : GENERIC_BY_CODE[this.code];
    return { code: this.code, message: text, ...(this.field ? { field: this.field } : {}) };
  }
}

export const fail = {
  invalid: (key: MessageKey, field?: string) => new AppError('invalid_input', key, field),
  notFound: (key: MessageKey, field?: string) => new AppError('not_found', key, field),
  conflict: (key: MessageKey, vars: Record<string, string | number> = {}, field?: string) =>
    new AppError('conflict', key, field, vars),
};

function labelOf(path: readonly PropertyKey[]): string {
  const named = path.filter((p): p is string => typeof p === 'string');
  const lastTwo = named.slice(-2).join('.');
  if (named.length >= 2 && FIELD_LABELS[lastTwo]) return FIELD_LABELS[lastTwo];
  for (let i = path.length - 1; i >= 0; i--) {
    const part = path[i];
    if (typeof part === 'string' && FIELD_LABELS[part]) return FIELD_LABELS[part];
  }
  return 'این خانه';
}

/** Turns the first zod issue into a Persian error naming the field. */
export function fromZod(error: z.ZodError): ApiError {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const label = labelOf(issue.path);
  let text: string;
  if (issue.message.startsWith('msg:') && issue.message.slice(4) in MESSAGES) {
    text = MESSAGES[issue.message.slice(4) as MessageKey];
  } else if (issue.code === 'invalid_type' && issue.input === undefined) {
    text = `«${label}» را وارد کنید.`;
  } else if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) {
    text = `«${label}» را وارد کنید.`;
  } else if (issue.code === 'too_small') {
    text = `«${label}» کمتر از حد مجاز است (دست‌کم ${toPersianDigits(String(issue.minimum))}).`;
  } else if (issue.code === 'too_big') {
    text = `«${label}» بیشتر از حد مجاز است (حداکثر ${toPersianDigits(String(issue.maximum))}).`;
  } else if (issue.code === 'invalid_value') {
    text = `مقدار «${label}» از گزینه‌های مجاز نیست.`;
  } else if (issue.code === 'unrecognized_keys') {
    text = `خانه ناشناخته در داده: ${issue.keys.join('، ')}`;
  } else {
    text = `«${label}» نامعتبر است.`;
  }
  return { code: 'invalid_input', message: text, ...(field ? { field } : {}) };
}
