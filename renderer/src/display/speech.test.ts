import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deskNumber, numberParts, spokenParts } from './speech';

const SOUNDS = join(import.meta.dirname, '../../../resources/public/sounds');

describe('spoken call', () => {
  it('reads numbers in Persian order, joined with «و»', () => {
    expect(numberParts(7)).toEqual(['7']);
    expect(numberParts(15)).toEqual(['15']);
    expect(numberParts(20)).toEqual(['20']);
    expect(numberParts(42)).toEqual(['40', 'va', '2']);
    expect(numberParts(100)).toEqual(['100']);
    expect(numberParts(105)).toEqual(['100', 'va', '5']);
    expect(numberParts(110)).toEqual(['100', 'va', '10']);
    expect(numberParts(342)).toEqual(['300', 'va', '40', 'va', '2']);
    expect(numberParts(990)).toEqual(['900', 'va', '90']);
    expect(numberParts(0)).toEqual(['0']);
    expect(numberParts(1205)).toEqual(['1', '2', '0', '5']);
    expect(numberParts(-1)).toEqual([]);
    expect(numberParts(2.5)).toEqual([]);
  });

  it('finds the desk number in Persian, Latin or Arabic-Indic digits, or as a word', () => {
    expect(deskNumber('میز ۲')).toBe(2);
    expect(deskNumber('میز 2')).toBe(2);
    expect(deskNumber('میز ٣')).toBe(3);
    expect(deskNumber('باجه ۱۲')).toBe(12);
    expect(deskNumber('میز دو')).toBe(2);
    expect(deskNumber('میز يازده')).toBe(11); // Arabic ي
    expect(deskNumber('اتاق مدیرکل')).toBeNull();
  });

  it('assembles «شماره چهل و دو، میز دو»', () => {
    expect(spokenParts(42, 'میز ۲')).toEqual(['shomare', '40', 'va', '2', 'miz', '2']);
    expect(spokenParts(342, 'میز 2')).toEqual(['shomare', '300', 'va', '40', 'va', '2', 'miz', '2']);
    expect(spokenParts(5, 'اتاق مدیرکل')).toEqual(['shomare', '5']);
  });

  it('has a recorded clip for every part of every ticket up to 1200 and desk up to 99', () => {
    const needed = new Set<string>(['chime']);
    for (let t = 0; t <= 1200; t++) for (const p of spokenParts(t, `میز ${(t % 99) + 1}`)) needed.add(p);
    const missing = [...needed].filter((p) => !existsSync(join(SOUNDS, `${p}.ogg`)));
    expect(missing).toEqual([]);
    expect(needed.size).toBe(41); // chime, «شماره», «میز», «و», 0–19, 20–90, 100–900
  });
});
