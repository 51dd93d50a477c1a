import { Center, Loader } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { ConnectionStatus } from '../../../../electron/core/contract/connection';
import type { DesktopConnection } from '../../api/transport';
import { ConnectionChoice } from './ConnectionChoice';

/** In the desktop app: until this PC has chosen to hold the data or to join a host, the choice is all it shows. */
export function DesktopGate({ connection, children }: { connection: DesktopConnection; children: ReactNode }) {
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  useEffect(() => {
    void connection.status().then(setStatus);
  }, [connection]);
  if (!status) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.mode === null) return <ConnectionChoice connection={connection} onChosen={setStatus} />;
  return <>{children}</>;
}
