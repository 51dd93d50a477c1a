import { Center, Loader } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { printRequests } from './api/client';
import { useCall, useLiveUpdates } from './api/hooks';
import { useToken } from './api/useSession';
import { Shell } from './components/Shell';
import { desktopBridge } from './api/transport';
import { DesktopGate } from './screens/connection/DesktopGate';
import { FirstRun } from './screens/FirstRun';
import { Intake } from './screens/Intake';
import { Login } from './screens/Login';
import { Meetings } from './screens/Meetings';
import { QueueScreen } from './screens/Queue';
import { SettingsScreen } from './screens/Settings';
import { Users } from './screens/Users';
import { Desk } from './screens/Desk';
import { Lookup } from './screens/Lookup';
import { PrintRoutes } from './print/PrintRoutes';
import { FollowupScreen } from './screens/followup/FollowupScreen';
import { DailyScreen } from './screens/followup/DailyScreen';
import { OutboxScreen } from './screens/followup/OutboxScreen';
import { DisplayScreen } from './display/DisplayScreen';
import { DisplayPicker } from './display/DisplayPicker';
import { AgencyDeskScreen } from './screens/fieldDesk/AgencyDeskScreen';
import { SharedIssuesScreen } from './screens/sharedIssues/SharedIssuesScreen';
import { SyncScreen } from './screens/sync/SyncScreen';
import { CampaignsScreen } from './screens/campaigns/CampaignsScreen';
import { AuditScreen } from './screens/audit/AuditScreen';
import { BackupScreen } from './screens/backup/BackupScreen';
// Reports and the dashboard carry the charts library: loaded when first opened.
const ReportsScreen = lazy(() => import('./screens/reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));
const DashboardScreen = lazy(() => import('./screens/reports/DashboardScreen').then((m) => ({ default: m.DashboardScreen })));

function Gate() {
  const status = useCall('auth.status', {});
  if (status.isPending) return <FullLoader />;
  return status.data?.needsSetup ? <FirstRun /> : <Login directorate={status.data?.directorateName ?? ''} />;
}

function FullLoader() {
  return (
    <Center h="100vh">
      <Loader />
    </Center>
  );
}

function SignedIn({ token }: { token: string }) {
  const me = useCall('auth.me', {});
  const online = useLiveUpdates(token);
  if (!me.data) return <FullLoader />;
  // The waiting-room screen: no frame, ticket numbers only.
  if (me.data.role === 'display' || window.location.hash.startsWith('#/display/')) {
    return (
      <Router hook={useHashLocation}>
        <Switch>
          <Route path="/display/:id">{(p) => <DisplayScreen meetingId={p.id} />}</Route>
          <Route>{() => <DisplayPicker />}</Route>
        </Switch>
      </Router>
    );
  }
  const representative = me.data.role === 'unit' || me.data.role === 'agency';
  return (
    <Router hook={useHashLocation}>
      <Shell me={me.data} online={online}>
        <Switch>
          <Route path="/meetings/:id/intake">{(p) => <Intake meetingId={p.id} />}</Route>
          <Route path="/meetings/:id/queue">{(p) => <QueueScreen meetingId={p.id} me={me.data} />}</Route>
          <Route path="/meetings/:id/desk">{(p) => <Desk meetingId={p.id} me={me.data} />}</Route>
          <Route path="/lookup">{() => <Lookup />}</Route>
          <Route path="/followup">{() => <FollowupScreen me={me.data} />}</Route>
          <Route path="/followup/daily">{() => <DailyScreen />}</Route>
          <Route path="/outbox">{() => <OutboxScreen />}</Route>
          <Route path="/reports">
            {() => (
              <Suspense fallback={<FullLoader />}>
                <ReportsScreen />
              </Suspense>
            )}
          </Route>
          <Route path="/dashboard">
            {() => (
              <Suspense fallback={<FullLoader />}>
                <DashboardScreen />
              </Suspense>
            )}
          </Route>
          <Route path="/agency-desk">{() => <AgencyDeskScreen me={me.data} />}</Route>
          <Route path="/shared-issues">{() => <SharedIssuesScreen />}</Route>
          <Route path="/sync">{() => <SyncScreen />}</Route>
          <Route path="/campaigns">{() => <CampaignsScreen campaignId={null} />}</Route>
          <Route path="/campaigns/:id">{(p) => <CampaignsScreen campaignId={p.id} />}</Route>
          <Route path="/audit">{() => <AuditScreen />}</Route>
          <Route path="/backups">{() => <BackupScreen />}</Route>
          <Route path="/users">{() => <Users />}</Route>
          <Route path="/settings">{() => <SettingsScreen />}</Route>
          <Route>{() => (representative ? <FollowupScreen me={me.data} /> : <Meetings me={me.data} />)}</Route>
        </Switch>
      </Shell>
    </Router>
  );
}

/**
 * A print page: no frame, no live updates; the page signals when it is ready to print. Each
 * print the page is given (the station moves a kept page to the next print, see
 * `printRequests`) gets a scope of its own: a new cache, so every print reads its data afresh
 * with its own caller's token, and nothing read for the print before stays in the page.
 */
function PrintScope() {
  const request = useSyncExternalStore(printRequests.onChange, () => printRequests.current);
  return <OnePrint key={request} />;
}

function OnePrint() {
  // Nothing is kept once the print's page is gone (gcTime 0): the scope before holds no data.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity, gcTime: 0 } } }));
  return (
    <QueryClientProvider client={client}>
      <Router hook={useHashLocation}>
        <PrintRoutes />
      </Router>
    </QueryClientProvider>
  );
}

function newQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity } } });
}

/** Each session gets its own cache (the scope is keyed by the token): a new sign-in never sees another user's reads. */
function SessionScope({ token }: { token: string | null }) {
  const [client] = useState(newQueryClient);
  return <QueryClientProvider client={client}>{token ? <SignedIn token={token} /> : <Gate />}</QueryClientProvider>;
}

export function App() {
  const token = useToken();
  if (window.location.hash.startsWith('#/print/')) return <PrintScope />;
  const scope = <SessionScope key={token ?? 'signed-out'} token={token} />;
  // The desktop app chooses first whether this PC holds the data or joins a host; a browser is already at its host.
  const bridge = desktopBridge();
  return bridge ? <DesktopGate connection={bridge.connection}>{scope}</DesktopGate> : scope;
}
