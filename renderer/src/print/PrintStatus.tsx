import { CallError } from '../api/client';
import { fa } from '../locale/fa';
import { usePrintReady } from './usePrintReady';

/** What a print page shows before its data is there, or when it cannot be read. */
export function PrintStatus({ error }: { error: CallError | null }) {
  return (
    <div className="print-status" role={error ? 'alert' : 'status'}>
      {error ? error.message || fa.print.notFound : fa.print.preparing}
    </div>
  );
}

const NOT_FOUND = new CallError({ code: 'not_found', message: fa.print.notFound });

/** An address under #/print/ that is no print route: says so, and tells the printer at once. */
export function PrintNotFound() {
  usePrintReady(false, NOT_FOUND);
  return <PrintStatus error={NOT_FOUND} />;
}
