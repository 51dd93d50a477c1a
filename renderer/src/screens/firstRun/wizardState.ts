import type { Input } from '../../../../electron/core/contract';
import type { SetupDefaults } from '../../../../electron/core/contract/auth';
import { normalizeForSearch } from '../../../../electron/core/domain/normalize';
import { fa, fill } from '../../locale/fa';

/** The wizard's steps, in order. */
export const STEPS = ['directorate', 'counties', 'logo', 'admin', 'printer', 'backup', 'review'] as const;
export type StepName = (typeof STEPS)[number];

/** A county row: `id` for a seeded county (kept or renamed), none for one added here; `key` only for React. */
export interface CountyRow {
  key: string;
  id?: string;
  name: string;
}

export interface WizardState {
  directorateName: string;
  province: string;
  counties: CountyRow[];
  logo: string;
  displayName: string;
  username: string;
  password: string;
  repeat: string;
  printer: string;
  /** '' = the `backups` folder beside the database (shown as `defaultBackupFolder`). */
  backupMode: 'beside' | 'other';
  backupFolder: string;
}

/** A problem to show at a field: the field's name is the host's path (`counties.2.name`) or a wizard-only one (`repeat`). */
export interface FieldProblem {
  field: string;
  message: string;
}

let nextKey = 0;
export const newRowKey = () => `county-${++nextKey}`;

export function initialState(d: SetupDefaults): WizardState {
  return {
    directorateName: d.directorateName,
    province: d.province,
    counties: d.counties.map((c) => ({ key: newRowKey(), id: c.id, name: c.name })),
    logo: d.logo,
    displayName: '',
    username: '',
    password: '',
    repeat: '',
    printer: d.printer,
    backupMode: d.backupFolder === '' ? 'beside' : 'other',
    backupFolder: d.backupFolder,
  };
}

/** What `auth.setup` gets: always every part, so the host checks all of it. */
export function setupInput(s: WizardState): Input<'auth.setup'> {
  return {
    directorateName: s.directorateName,
    province: s.province,
    counties: s.counties.map((c) => (c.id ? { id: c.id, name: c.name } : { name: c.name })),
    logo: s.logo,
    displayName: s.displayName,
    username: s.username,
    password: s.password,
    printer: s.printer,
    backupFolder: s.backupMode === 'beside' ? '' : s.backupFolder,
  };
}

/** The step a field belongs to; -1 for one no step shows. */
export function stepOfField(field: string): number {
  const top = field.split('.')[0]!;
  const step: Record<string, StepName> = {
    directorateName: 'directorate',
    province: 'directorate',
    counties: 'counties',
    logo: 'logo',
    displayName: 'admin',
    username: 'admin',
    password: 'admin',
    printer: 'printer',
    backupFolder: 'backup',
    repeat: 'admin',
  };
  return Object.hasOwn(step, top) ? STEPS.indexOf(step[top]!) : -1;
}

const required = (field: string, label: string, value: string): FieldProblem | null =>
  value.trim() === '' ? { field, message: fill(fa.setup.required, { label }) } : null;

/** Same key for names the host takes as one (ي/ی, ك/ک, ZWNJ, spacing). */
export const countyKey = (name: string) => normalizeForSearch(name);

/** The problem with the counties list, if any: none left, an empty name, a name twice. */
export function countiesProblem(rows: CountyRow[]): FieldProblem | null {
  if (rows.length === 0) return { field: 'counties', message: fa.setup.countiesEmpty };
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const key = countyKey(row.name);
    if (key === '') return { field: `counties.${i}.name`, message: fa.setup.countyEmpty };
    if (seen.has(key)) return { field: `counties.${i}.name`, message: fa.setup.countyDuplicate };
    seen.add(key);
  }
  return null;
}

/**
 * What can be checked here before moving on from a step (required fields, the repeated password,
 * the counties list); the host checks everything again when the wizard finishes.
 */
export function stepProblem(step: StepName, s: WizardState): FieldProblem | null {
  switch (step) {
    case 'directorate':
      return required('directorateName', fa.setup.directorateName, s.directorateName) ?? required('province', fa.setup.province, s.province);
    case 'counties':
      return countiesProblem(s.counties);
    case 'admin':
      return (
        required('displayName', fa.setup.displayName, s.displayName) ??
        required('username', fa.setup.username, s.username) ??
        required('password', fa.setup.password, s.password) ??
        (s.password !== s.repeat ? { field: 'repeat', message: fa.setup.mismatch } : null)
      );
    case 'backup':
      return s.backupMode === 'other' && s.backupFolder.trim() === '' ? { field: 'backupFolder', message: fa.setup.backupFolderRequired } : null;
    default:
      return null;
  }
}
