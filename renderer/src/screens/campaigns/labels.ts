import type { Campaign } from '../../../../electron/core/contract/campaigns';
import { fa as faDigits, jalaliDate } from '../../format';
import { fa, fill } from '../../locale/fa';

/** «۱ فروردین ۱۴۰۵ تا ۱۰ فروردین ۱۴۰۵». */
export function periodText(c: Pick<Campaign, 'fromDate' | 'toDate'>): string {
  return fill(fa.campaigns.period, { from: jalaliDate(c.fromDate), to: jalaliDate(c.toDate) });
}

/** The chosen counties by name, or «all». */
export function countiesText(ids: readonly string[], counties: readonly { id: string; name: string }[] | undefined): string {
  if (ids.length === 0) return fa.campaigns.allCounties;
  return ids.map((id) => counties?.find((c) => c.id === id)?.name ?? '…').join('، ');
}

export function circumstancesText(list: Campaign['circumstances']): string {
  return list.length === 0 ? fa.campaigns.allCircumstances : list.map((c) => fa.client.circumstanceNames[c]).join('، ');
}

export const n = (v: number) => faDigits(v);
