import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { PrintNotFound, PrintStatus } from './PrintStatus';

// The print pages (and the QR encoder) load only when a print route is opened, never with the desk.
const TicketPage = lazy(() => import('./TicketPage').then((m) => ({ default: m.TicketPage })));
const SlipPage = lazy(() => import('./SlipPage').then((m) => ({ default: m.SlipPage })));
const VisitSlipsPage = lazy(() => import('./SlipPage').then((m) => ({ default: m.VisitSlipsPage })));
const VisitSummaryPage = lazy(() => import('./VisitSummaryPage').then((m) => ({ default: m.VisitSummaryPage })));
const ReportPage = lazy(() => import('./ReportPage').then((m) => ({ default: m.ReportPage })));

/**
 * The print routes: #/print/ticket/:visitId (80 mm thermal), #/print/slip/:instructionId (A5),
 * #/print/visit-slips/:visitId (A5, one page per instruction), #/print/visit/:visitId (A4),
 * #/print/report/:scope (A4; the scope as base64url JSON). #/print/idle is the station's kept
 * print page between two prints: empty, never ready, no token (nothing can ask a PDF of it).
 */
export function PrintRoutes() {
  return (
    <Suspense fallback={<PrintStatus error={null} />}>
      <Switch>
        <Route path="/print/ticket/:visitId">{(p) => <TicketPage visitId={p.visitId} />}</Route>
        <Route path="/print/slip/:instructionId">{(p) => <SlipPage instructionId={p.instructionId} />}</Route>
        <Route path="/print/visit-slips/:visitId">{(p) => <VisitSlipsPage visitId={p.visitId} />}</Route>
        <Route path="/print/visit/:visitId">{(p) => <VisitSummaryPage visitId={p.visitId} />}</Route>
        <Route path="/print/report/:scope">{(p) => <ReportPage encoded={p.scope} />}</Route>
        <Route path="/print/idle">{() => null}</Route>
        <Route>{() => <PrintNotFound />}</Route>
      </Switch>
    </Suspense>
  );
}
