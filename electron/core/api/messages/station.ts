/** Persian messages and field labels of the LAN station's settings (merged into messages.ts). */
export const stationMessages = {
  'station.bind': '«نشانی شنود» باید یکی از نشانی‌های همین رایانه باشد (یا «همه کارت‌های شبکه» یا «تنها همین رایانه»).',
  'station.port': '«درگاه» باید عددی میان ۱۰۲۴ و ۶۵۵۳۵ باشد.',
  'station.tlsNeedsCert': 'برای «تنها با TLS» نخست گواهی و کلید خصوصی آن را بدهید.',
  'cert.missing': '«گواهی» را هم بدهید (پرونده PEM که با BEGIN CERTIFICATE آغاز می‌شود).',
  'cert.keyMissing': '«کلید خصوصی» گواهی را هم بدهید (پرونده PEM).',
  'cert.unreadable': '«گواهی» خوانده نشد: باید پرونده PEM یک گواهی X.509 باشد.',
  'cert.keyUnreadable': '«کلید خصوصی» خوانده نشد: باید پرونده PEM کلید خصوصیِ بی‌گذرواژه باشد.',
  'cert.keyMismatch': '«کلید خصوصی» از آنِ این گواهی نیست.',
  'cert.expired': 'اعتبار «گواهی» به پایان رسیده است.',
  'host.unreachable': 'رایانه میزبان پاسخ نمی‌دهد؛ آنچه نوشته‌اید سر جایش مانده است. پس از برقراری ارتباط دوباره بفرستید.',
  'cert.notYetValid': '«گواهی» هنوز معتبر نشده است (زمان آغاز اعتبارش نرسیده).',
} as const;

export const stationFieldLabels: Record<string, string> = {
  bind: 'نشانی شنود',
  port: 'درگاه',
  requireTls: 'تنها با TLS',
  certificatePem: 'گواهی',
  keyPem: 'کلید خصوصی',
};
