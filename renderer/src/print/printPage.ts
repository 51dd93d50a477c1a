import type { ApiError } from '../../../electron/core/contract';
import { call, CallError, session } from '../api/client';
import { desktopBridge } from '../api/transport';
import { downloadBlob } from '../components/download';
import { fa } from '../locale/fa';

export interface PrintOptions {
  /** The PDF's name when a browser downloads it, e.g. `slip-123456789.pdf`. */
  fileName?: string;
}

function failure(message: string = fa.print.failed, code: ApiError['code'] = 'internal'): CallError {
  return new CallError({ code, message });
}

/** `/print/slip/<id>` → `slip-<id>.pdf`, when the caller names no file. */
function defaultFileName(route: string): string {
  const [, , kind = 'print', id = ''] = route.split('/');
  return `${kind}-${id.slice(-12)}.pdf`;
}

/**
 * Prints a print route: in the desktop app through the bridge (silently to the printer chosen
 * in settings, or to a PDF file); in a browser as a PDF of the same route rendered by the
 * station's Chromium, downloaded. Routes: /print/ticket/:visitId, /print/slip/:instructionId,
 * /print/visit/:visitId, /print/visit-slips/:visitId, /print/report/:scope (base64url JSON). Throws a CallError with a Persian message.
 */
export async function printPage(route: string, options: PrintOptions = {}): Promise<void> {
  const token = session.token;
  if (!token) throw failure(undefined, 'unauthenticated');
  const bridge = desktopBridge();
  if (bridge) {
    const settings = await call('settings.get', {});
    const result = await bridge.print({ route, silent: settings.printer !== '', deviceName: settings.printer }, token);
    if (!result.ok && result.error !== 'cancelled') throw failure();
    return;
  }
  await downloadPdf(route, token, options.fileName ?? defaultFileName(route));
}

async function downloadPdf(route: string, token: string, fileName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch('/print/pdf', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ route }),
    });
  } catch {
    throw failure(fa.app.unreachable);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: ApiError } | null;
    if (body?.error?.code === 'unauthenticated') session.set(null);
    throw body?.error ? new CallError(body.error) : failure();
  }
  downloadBlob(await res.blob(), fileName);
}
