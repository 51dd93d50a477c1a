import { useEffect } from 'react';
import type { CallError } from '../api/client';

/** The faces the print pages use: loaded before the page says it is ready, so no fallback font reaches the paper. */
const FACES = ['400 16px Vazirmatn', '700 16px Vazirmatn', '800 16px Vazirmatn'];
const SAMPLE = 'دیدار ۱۲۳ abc 123';

/**
 * Marks the page ready to print (`data-print-ready="true"` on <body>) once its data is there
 * and its fonts and images (logo, QR) are loaded; the desktop printer and the station's PDF
 * renderer wait for it. A failed read marks `data-print-ready="error"` with the error's code,
 * so the renderer can answer at once instead of waiting out its timeout. `beforeReady` runs
 * last, on the final layout (the ticket measures its length there).
 */
export function usePrintReady(loaded: boolean, error: CallError | null, beforeReady?: () => void): void {
  useEffect(() => {
    const body = document.body;
    // A page that goes (the station moves a kept print page to the next print) takes its mark with it.
    const unmark = () => {
      delete body.dataset.printReady;
      delete body.dataset.printError;
    };
    if (error) {
      body.dataset.printError = error.error.code;
      body.dataset.printReady = 'error';
      return unmark;
    }
    if (!loaded) return;
    let live = true;
    void (async () => {
      await Promise.all(FACES.map((face) => document.fonts.load(face, SAMPLE).catch(() => [])));
      await document.fonts.ready;
      await Promise.all(Array.from(document.images, (img) => img.decode().catch(() => undefined)));
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      if (!live) return;
      beforeReady?.();
      body.dataset.printReady = 'true';
    })();
    return () => {
      live = false;
      unmark();
    };
  }, [loaded, error, beforeReady]);
}
