/** Issue 7: this area's Persian error messages and field labels (merged into messages.ts). */
export const campaignsMessages = {
  'campaign.notFound': 'پویش تماس تلفنی پیدا نشد.',
  'campaign.periodOrder': '«تا تاریخ» نمی‌تواند پیش از «از تاریخ» باشد.',
  'campaign.callerKind': 'نوع تماس‌گیرنده را انتخاب کنید (مددکار دولتی، مددکار بخش خصوصی یا مؤسسه تحت نظارت).',
  'campaign.result': 'نتیجه تماس را انتخاب کنید (پاسخ داد، پاسخ نداد یا تماس دوباره).',
  'campaign.closed': 'این پویش بسته شده است.',
  'campaign.noCallers': 'نخست تماس‌گیرندگان پویش را تعیین کنید.',
  'campaign.callerNotFound': 'کاربر انتخاب‌شده برای تماس پیدا نشد، غیرفعال است یا نقش او تماس‌گیرنده نمی‌تواند باشد.',
  'campaign.callerTwice': 'یک کاربر دو بار در فهرست تماس‌گیرندگان آمده است.',
  'campaign.notCaller': 'شما از تماس‌گیرندگان این پویش نیستید.',
  'campaign.targetNotFound': 'این مددجو در فهرست تماس پویش پیدا نشد.',
  'campaign.notYourTarget': 'این مددجو در فهرست تماس شما نیست.',
  'campaign.targetReached': 'با این مددجو پیش‌تر تماس موفق ثبت شده است.',
  'campaign.requestsNeedReached': 'درخواست‌ها فقط برای تماسی ثبت می‌شوند که مددجو پاسخ داده باشد.',
  'campaign.callbackOnlyForCallBack': '«روز تماس دوباره» فقط برای نتیجه «تماس دوباره» است.',
  'campaign.callbackPast': '«روز تماس دوباره» نمی‌تواند پیش از امروز باشد.',
} as const;
export const campaignsFieldLabels: Record<string, string> = {
  campaignId: 'پویش',
  from: 'از تاریخ',
  to: 'تا تاریخ',
  countyIds: 'شهرستان‌ها',
  callers: 'تماس‌گیرندگان',
  'callers.userId': 'تماس‌گیرنده',
  'callers.kind': 'نوع تماس‌گیرنده',
  callerId: 'تماس‌گیرنده',
  targetId: 'مددجوی فهرست تماس',
  result: 'نتیجه تماس',
  callbackOn: 'روز تماس دوباره',
};

/** The place written on a campaign's own meeting (where requests raised by phone become visits). */
export const CAMPAIGN_MEETING_PLACE = 'تماس تلفنی با مددجویان';
