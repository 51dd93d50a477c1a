/** Issue 7: this area's Persian error messages and field labels (merged into messages.ts). */
export const syncMessages = {
  'sync.noMeetings': 'دست‌کم یک جلسه را برای خروجی انتخاب کنید.',
  'sync.empty': 'پرونده خالی است.',
  'sync.tooLarge': 'پرونده بزرگ‌تر از حد مجاز (۳۲ میلیون نویسه) است.',
  'sync.notJson': 'پرونده «{file}» خوانده نشد: پرونده دیدار نیست یا آسیب دیده است.',
  'sync.notDidar': 'پرونده «{file}» پرونده خروجی میز دیدار نیست.',
  'sync.newerVersion': 'پرونده «{file}» با نسخه تازه‌تری از دیدار ساخته شده است (قالب {version})؛ نخست برنامه را به‌روز کنید.',
  'sync.damaged': 'پرونده «{file}» آسیب دیده یا دست‌کاری شده است (کد وارسی نمی‌خواند)؛ چیزی وارد نشد.',
  'sync.malformed': 'ساختار داده‌های پرونده «{file}» درست نیست؛ چیزی وارد نشد.',
  'sync.meetingNotFound': 'یکی از جلسه‌های انتخاب‌شده پیدا نشد.',
  'sync.conflictNotFound': 'این ناهمخوانی پیدا نشد.',
  'sync.conflictResolved': 'درباره این ناهمخوانی پیش‌تر تصمیم گرفته شده است.',
  'sync.trackingKeepLocal':
    'کد رهگیری این دستور در اینجا از آنِ دستور دیگری است؛ دستور رسیده با کد تازه نگه داشته شد و هر دو نسخه ماندند. تنها «نگه داشتن نسخه اینجا» ممکن است.',
  'sync.applyFailed': 'نسخه رسیده با داده‌های اینجا جور نمی‌شود ({detail})؛ نسخه اینجا دست نخورد.',
  'sync.recordGone': 'رکورد اینجا دیگر وجود ندارد.',
} as const;
export const syncFieldLabels: Record<string, string> = {
  meetingIds: 'جلسه‌ها',
  siteName: 'نام محل',
  content: 'پرونده',
  fileName: 'نام پرونده',
  conflictId: 'ناهمخوانی',
  keep: 'نسخه برگزیده',
};
