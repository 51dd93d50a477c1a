/** Issue 7: this area's Persian error messages and field labels (merged into messages.ts). */
export const sharedIssuesMessages = {
  'sharedIssue.notFound': 'مسئلهٔ مشترک پیدا نشد.',
  'sharedIssue.closed': 'این مسئلهٔ مشترک بسته شده است؛ نخست آن را دوباره باز کنید.',
  'sharedIssue.countyRequired': 'شهرستان مسئلهٔ مشترک را انتخاب کنید.',
  'sharedIssue.placeTooLong': '«محل» بیشتر از حد مجاز است (حداکثر ۲۰۰ نویسه).',
  'sharedIssue.alreadyJoined': 'این درخواست پیش‌تر به همین مسئلهٔ مشترک پیوسته است.',
  'sharedIssue.joinedElsewhere': 'این درخواست به مسئلهٔ مشترک دیگری («{title}») پیوسته است؛ نخست از آن جدا کنید.',
  'sharedIssue.notJoined': 'این درخواست به هیچ مسئلهٔ مشترکی نپیوسته است.',
  'sharedIssue.visitCancelled': 'نوبت این درخواست لغو شده است.',
  'sharedIssue.nothingToIssue': 'همهٔ درخواست‌های پیوسته دستور دارند (یا هیچ درخواستی نپیوسته است).',
} as const;
export const sharedIssuesFieldLabels: Record<string, string> = {
  sharedIssueId: 'مسئلهٔ مشترک',
  'requests.sharedIssueId': 'مسئلهٔ مشترک',
  description: 'شرح',
};
