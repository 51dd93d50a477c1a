import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * What a Didar desktop chose on its first run, kept in `connection.json` in its user-data
 * folder: this PC holds the data (host), or it joins a host at an address (with the host's
 * certificate pinned when the host requires TLS).
 */
const config = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('host') }),
  z.strictObject({
    mode: z.literal('join'),
    url: z.string().url().max(300),
    directorateName: z.string().max(200),
    certificatePem: z.string().max(64 * 1024).optional(),
    fingerprint256: z.string().max(200).optional(),
  }),
]);
export type DesktopConfig = z.infer<typeof config>;

/** The saved choice, or null on the first run (or when the file is unreadable: the person chooses again). */
export function readDesktopConfig(file: string): DesktopConfig | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = config.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Saves the choice whole or not at all (written beside, then renamed over). */
export function writeDesktopConfig(file: string, value: DesktopConfig): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(config.parse(value), null, 2));
  renameSync(temp, file);
}

export function forgetDesktopConfig(file: string): void {
  rmSync(file, { force: true });
}
