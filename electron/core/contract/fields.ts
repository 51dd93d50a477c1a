import { z } from 'zod';
import { cleanNationalId, isValidNationalId } from '../domain/nationalId';
import { cleanPersianText } from '../domain/normalize';
import { toLatinDigits } from '../domain/digits';
import { isIsoDate } from '../domain/time';

/**
 * Reusable input fields. Messages of the form `msg:<key>` are looked up in core's Persian
 * message table; other failures get a message built from the field's Persian label.
 */

export const id = z.string().min(1).max(64);

/** Free text a person types: cleaned (Arabic ی/ک to Persian, stray marks gone), then length-checked. */
export function text(max: number, min = 0) {
  return z.string().max(max * 2).transform(cleanPersianText).pipe(z.string().min(min).max(max));
}

export function requiredText(max: number) {
  return text(max, 1);
}

export const nationalId = z
  .string()
  .max(40)
  .transform(cleanNationalId)
  .pipe(
    z
      .string()
      .regex(/^\d{10}$/, { error: 'msg:nationalId.length' })
      .refine(isValidNationalId, { error: 'msg:nationalId.checksum' }),
  );

export const isoDate = z.string().max(10).refine(isIsoDate, { error: 'msg:date.invalid' });

export const mobile = z
  .string()
  .max(30)
  .transform((v) => toLatinDigits(v).replace(/[\s\-()]/g, '').replace(/^(\+98|0098)/, '0'))
  .pipe(z.string().regex(/^(09\d{9})?$/, { error: 'msg:mobile.format' }));

export const username = z
  .string()
  .max(64)
  .transform((v) => toLatinDigits(v).trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9._-]{3,32}$/, { error: 'msg:username.format' }));

/** The password rules: at least this many characters, with letters and digits (any script). */
export const PASSWORD_MIN_LENGTH = 10;
const hasLetter = (password: string): boolean => /\p{L}/u.test(password);
const hasDigit = (password: string): boolean => /\p{Nd}/u.test(password);

/**
 * A new password: at least 10 characters, with letters and digits (the handlers also refuse one
 * that contains the username). Signing in accepts any stored password, so older ones keep working.
 */
export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: 'msg:password.short' })
  .max(128)
  .refine(hasLetter, { error: 'msg:password.letters' })
  .refine(hasDigit, { error: 'msg:password.digits' });
