/**
 * The desktop's link to its data, as the desk window sees it (types only; the logic is in
 * electron/station/desktop and electron/station/remoteHost.ts).
 */

/** What the desk window is told about its link: which way this PC works, where the host is, and whether it answers. */
export interface ConnectionStatus {
  mode: 'host' | 'join' | null;
  online: boolean;
  /** Host: where other desks reach this PC (null when it serves this PC only). Join: the host's address. */
  url: string | null;
  directorateName: string;
  /** Host mode: why the LAN station is not running (e.g. the port is taken); this PC still works. */
  stationProblem: string | null;
}

/** A host found on the LAN by mDNS. */
export interface FoundHost {
  /** The instance name (`Didar <computer name>`). */
  name: string;
  directorate: string;
  /** The address to join: scheme, first IPv4 address, port. */
  url: string;
  addresses: string[];
  tls: boolean;
}

/** What a person sees before joining a host: its name, and for TLS its certificate to compare with the host's screen. */
export interface ProbedHost {
  url: string;
  directorateName: string;
  needsSetup: boolean;
  certificate: { pem: string; fingerprint256: string; subject: string; validTo: string } | null;
}

export type ProbeOutcome = { ok: true; host: ProbedHost } | { ok: false; reason: 'address' | 'unreachable' | 'needsSetup' };
export type JoinOutcome = { ok: true; status: ConnectionStatus } | { ok: false; reason: 'address' | 'unreachable' | 'needsSetup' | 'certificateChanged' };
