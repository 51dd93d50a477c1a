import type { ListKind } from '../contract';
import { insertListItem } from '../api/lists';
import { writeSettings } from '../api/settingsStore';
import type { Db } from './open';

/**
 * Real starting values for a fresh database, from the domain's reports: the counties of
 * Semnan province (seed 000), the directorate's deputies (seed 002), the agencies at a field
 * desk (seed 001) and the topics raised at the weekly meeting (seed 002). All are editable.
 */
export const STARTING_LISTS: Record<ListKind, string[]> = {
  counties: ['سمنان', 'شاهرود', 'دامغان', 'گرمسار', 'مهدیشهر', 'سرخه', 'آرادان', 'میامی'],
  units: [
    'معاونت توانبخشی',
    'معاونت امور اجتماعی',
    'معاونت پیشگیری',
    'معاونت توانمندسازی',
    'معاونت مشارکت‌های مردمی',
    'معاونت پشتیبانی و منابع انسانی',
    'اداره بهزیستی شهرستان',
  ],
  agencies: [
    'اداره برق',
    'اداره آب و فاضلاب',
    'اداره گاز',
    'اداره ثبت احوال',
    'کمیته امداد امام خمینی (ره)',
    'جمعیت هلال احمر',
    'فرماندهی انتظامی',
    'اورژانس اجتماعی',
    'فرمانداری',
    'بنیاد علوی',
    'بنیاد برکت',
    'مؤسسات خیریه',
    'بانک‌ها',
  ],
  categories: [
    'اشتغال و کارآفرینی',
    'حمایت معیشتی',
    'مناسب‌سازی محیط زندگی',
    'توانبخشی',
    'درمان',
    'مسکن',
    'وسایل کمک توانبخشی',
    'مستمری',
    'سایر',
  ],
  outcomeReasons: ['مددجو نپذیرفت', 'ظرفیت نبود', 'دیگر نیازی نیست', 'دسترسی به مددجو ممکن نشد', 'دسترسی به دستگاه ممکن نشد', 'سایر'],
};

/** Fills the lists and settings of a database that has never been seeded; does nothing afterwards. */
export function seedFreshDatabase(db: Db, now: string): void {
  db.transaction(() => {
    const seeded = (key: string) => db.prepare('SELECT 1 FROM settings WHERE key = ?').get(key) !== undefined;
    const mark = (key: string) => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, JSON.stringify(now));
    const fill = (kind: ListKind) => STARTING_LISTS[kind].forEach((name, i) => insertListItem(db, kind, name, (i + 1) * 10, now));
    if (!seeded('seeded')) {
      for (const kind of ['counties', 'units', 'agencies', 'categories'] as const) fill(kind);
      writeSettings(db, { directorateName: 'اداره کل بهزیستی استان سمنان', province: 'سمنان' });
      mark('seeded');
    }
    // Lists that came with later versions are seeded once on databases of any age.
    if (!seeded('seeded.outcomeReasons')) {
      fill('outcomeReasons');
      mark('seeded.outcomeReasons');
    }
  }).immediate();
}
