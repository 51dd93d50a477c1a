import type { ErrorCode } from '../contract';

/** Core's Persian message table: every text an error can carry to a person. */
export const MESSAGES = {
  'nationalId.length': 'کد ملی باید ۱۰ رقم باشد.',
  'nationalId.checksum': 'کد ملی نامعتبر است (رقم کنترل با بقیه رقم‌ها نمی‌خواند).',
  'date.invalid': 'تاریخ نامعتبر است.',
  'mobile.format': 'شماره همراه باید ۱۱ رقم و با ۰۹ آغاز شود.',
  'username.format': 'نام کاربری باید ۳ تا ۳۲ حرف لاتین، رقم، نقطه یا خط تیره باشد.',
  'password.short': 'گذرواژه باید دست‌کم ۸ نویسه باشد.',
  'category.required': 'دسته درخواست را انتخاب کنید.',
  'requests.empty': 'دست‌کم یک درخواست ثبت کنید.',
  'client.required': 'مددجو را انتخاب یا ثبت کنید.',
  'priority.reason': 'دلیل نوبت خارج از نوبت را بنویسید.',
  'json.invalid': 'داده ارسالی قابل خواندن نیست.',
  'login.failed': 'نام کاربری یا گذرواژه نادرست است.',
  'setup.done': 'راه‌اندازی نخستین پیش‌تر انجام شده است.',
  'session.missing': 'نشست شما پایان یافته است؛ دوباره وارد شوید.',
  'role.forbidden': 'شما اجازه این کار را ندارید.',
  'method.unknown': 'چنین درخواستی شناخته نیست.',
  'internal': 'خطای پیش‌بینی‌نشده‌ای رخ داد؛ چیزی ذخیره نشد. دوباره تلاش کنید.',
  'meeting.notFound': 'جلسه پیدا نشد.',
  'meeting.notOpen': 'این جلسه باز نیست؛ نخست جلسه را باز کنید.',
  'meeting.closed': 'این جلسه بسته شده است.',
  'meeting.hasWaiting': 'هنوز مراجعه‌کننده منتظر یا فراخوانده‌شده در این جلسه هست؛ نخست نوبت‌ها را تمام کنید.',
  'client.notFound': 'مددجو پیدا نشد.',
  'client.duplicate': 'مددجویی با این کد ملی پیش‌تر ثبت شده است: {name}.',
  'client.alreadyQueued': 'این مددجو در همین جلسه نوبت فعال دارد (نوبت {ticket}).',
  'county.notFound': 'شهرستان انتخاب‌شده پیدا نشد.',
  'category.notFound': 'دسته درخواست پیدا نشد یا غیرفعال است.',
  'list.notFound': 'این مورد پیدا نشد.',
  'list.duplicate': 'موردی با همین نام پیش‌تر در این فهرست هست.',
  'user.duplicate': 'این نام کاربری پیش‌تر گرفته شده است.',
} as const;
export type MessageKey = keyof typeof MESSAGES;

/** Persian labels of input fields, by the last part of the field's path. */
export const FIELD_LABELS: Record<string, string> = {
  nationalId: 'کد ملی',
  firstName: 'نام',
  lastName: 'نام خانوادگی',
  fatherName: 'نام پدر',
  birthDate: 'تاریخ تولد',
  sex: 'جنسیت',
  mobile: 'شماره همراه',
  address: 'نشانی',
  countyId: 'شهرستان',
  fileNumber: 'شماره پرونده',
  circumstances: 'وضعیت',
  username: 'نام کاربری',
  displayName: 'نام نمایشی',
  password: 'گذرواژه',
  role: 'نقش',
  kind: 'نوع',
  title: 'عنوان',
  date: 'تاریخ',
  place: 'محل برگزاری',
  presiding: 'مسئولان حاضر',
  name: 'نام',
  categoryId: 'دسته درخواست',
  text: 'شرح درخواست',
  urgency: 'فوریت',
  requests: 'درخواست‌ها',
  priority: 'نوبت ویژه',
  priorityReason: 'دلیل نوبت ویژه',
  desk: 'میز',
  query: 'جستجو',
  meetingId: 'جلسه',
  clientId: 'مددجو',
  directorateName: 'نام اداره کل',
  province: 'استان',
  maxPriorityInRow: 'حداکثر نوبت ویژه پشت سر هم',
};

export const GENERIC_BY_CODE: Record<ErrorCode, string> = {
  invalid_input: 'داده واردشده نامعتبر است.',
  not_found: 'پیدا نشد.',
  forbidden: MESSAGES['role.forbidden'],
  conflict: 'این کار با وضعیت کنونی سازگار نیست.',
  unauthenticated: MESSAGES['session.missing'],
  unknown_method: MESSAGES['method.unknown'],
  internal: MESSAGES.internal,
};

export function message(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return MESSAGES[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
