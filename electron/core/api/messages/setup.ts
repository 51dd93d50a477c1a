/** Persian messages and field labels of the setup area (merged into messages.ts). */
export const setupMessages = {
  'setup.countiesEmpty': 'دست‌کم یک شهرستان در فهرست بگذارید.',
  'setup.countyDuplicate': 'این شهرستان پیش‌تر در فهرست آمده است (نام‌هایی که فقط در ی/ي، ک/ك یا نیم‌فاصله فرق دارند یکی‌اند).',
  'setup.countyTwice': 'یک شهرستان دو بار در فهرست آمده است.',
  'setup.backupFolderInvalid': 'مسیر «پوشه پشتیبان‌ها» نویسه نامعتبر دارد.',
} as const;

export const setupFieldLabels: Record<string, string> = {
  counties: 'شهرستان‌ها',
  'counties.name': 'نام شهرستان',
  'counties.id': 'شهرستان',
};
