import { Route, Switch } from 'wouter';

/** The print routes (#/print/ticket/:visitId, #/print/slip/:instructionId, #/print/visit/:visitId). */
export function PrintRoutes() {
  return (
    <Switch>
      <Route>{() => null}</Route>
    </Switch>
  );
}
