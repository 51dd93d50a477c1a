/** Issue 8 (trust): sign-in, lockout, sessions and the users admin — Persian messages and field labels (merged into messages.ts). */
export const securityMessages = {
  'password.letters': '«گذرواژه» باید هم حرف داشته باشد و هم رقم؛ حرفی در آن نیست.',
  'password.digits': '«گذرواژه» باید هم حرف داشته باشد و هم رقم؛ رقمی در آن نیست.',
  'password.containsUsername': 'نام کاربری در «گذرواژه» به شمار نمی‌آید: گذرواژه بی نام کاربری هم باید دست‌کم ۱۰ نویسه باشد.',
  'password.currentWrong': '«گذرواژه کنونی» نادرست است.',
  'password.same': '«گذرواژه تازه» باید با گذرواژه کنونی فرق داشته باشد.',
  'login.locked': 'این حساب پس از چند ورود نادرست پیاپی قفل شده است؛ {minutes} دقیقه دیگر دوباره تلاش کنید یا از مدیر سامانه بخواهید گذرواژه را بازنشانی کند.',
  'user.notFound': 'کاربر پیدا نشد.',
  'user.selfDeactivate': 'نمی‌توانید حساب خودتان را غیرفعال کنید.',
  'user.lastAdmin': 'دست‌کم یک مدیر سامانه فعال باید بماند؛ نخست مدیر دیگری تعیین کنید.',
} as const;

export const securityFieldLabels: Record<string, string> = {
  current: 'گذرواژه کنونی',
  next: 'گذرواژه تازه',
  active: 'فعال',
};
