/** Field desks with agencies at the table: Persian error messages and field labels (merged into messages.ts). */
export const fieldDeskMessages = {
  'instruction.agencyNotAtTable': 'این دستگاه در میز این جلسه حاضر نیست؛ دستگاه را از حاضران انتخاب کنید یا با مهلت ارجاع دهید.',
  'agencyDesk.agencyRequired': 'دستگاه اجرایی را انتخاب کنید.',
  'agencyDesk.notAtTable': 'این درخواست به میز دستگاه در جلسه سپرده نشده است.',
  'agencyDesk.notWaiting': 'این درخواست پیش‌تر پاسخ داده شده یا با مهلت تحویل گرفته شده است.',
  'agencyDesk.duePast': 'مهلت انجام نمی‌تواند پیش از امروز باشد.',
} as const;
/** Texts the host writes into records (not errors). */
export const FIELD_DESK_TEXTS = { takenNote: 'در میز جلسه با مهلت تحویل گرفته شد.' } as const;
export const fieldDeskFieldLabels: Record<string, string> = {
  agencyIds: 'دستگاه‌های حاضر در میز',
  atTable: 'تحویل به نماینده در میز',
};
