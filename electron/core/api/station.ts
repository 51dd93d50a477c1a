import type { StationView } from '../contract/station';
import type { stationContract } from '../contract/station';
import { checkCertificatePair, describeCertificate } from '../domain/certificate';
import { ipv4Interfaces, isBindable } from '../lan/interfaces';
import { readStationSettings, writeStationSettings, type StationSettings } from '../lan/stationSettings';
import { audit, type HandlersOf } from './context';
import { fail } from './errors';

function view(s: StationSettings): StationView {
  return {
    bind: s.bind,
    port: s.port,
    requireTls: s.requireTls,
    certificate: s.certificatePem ? describeCertificate(s.certificatePem) : null,
    interfaces: ipv4Interfaces(),
  };
}

/** What the audit log keeps of the settings: never the key, the certificate by its fingerprint. */
function audited(s: StationSettings) {
  return { bind: s.bind, port: s.port, requireTls: s.requireTls, certificate: s.certificatePem ? describeCertificate(s.certificatePem)?.fingerprint256 ?? '?' : null };
}

export const stationHandlers = {
  'station.get': (_input, ctx) => view(readStationSettings(ctx.db)),
  'station.update': (input, ctx) => {
    const before = readStationSettings(ctx.db);
    if (!isBindable(input.bind)) throw fail.invalid('station.bind', 'bind');
    const next: StationSettings = { ...before, bind: input.bind, port: input.port, requireTls: input.requireTls };
    const cert = input.certificatePem.trim();
    const key = input.keyPem.trim();
    if (cert || key) {
      if (!cert) throw fail.invalid('cert.missing', 'certificatePem');
      if (!key) throw fail.invalid('cert.keyMissing', 'keyPem');
      const problem = checkCertificatePair(cert, key, new Date(ctx.now));
      if (problem) throw fail.invalid(problem, problem === 'cert.keyUnreadable' || problem === 'cert.keyMismatch' ? 'keyPem' : 'certificatePem');
      next.certificatePem = cert;
      next.keyPem = key;
    } else if (input.removeCertificate) {
      next.certificatePem = '';
      next.keyPem = '';
    }
    if (next.requireTls && !next.certificatePem) throw fail.invalid('station.tlsNeedsCert', 'requireTls');
    writeStationSettings(ctx.db, next);
    audit(ctx, 'update', 'settings', 'station', audited(before), audited(next));
    return view(next);
  },
} satisfies HandlersOf<typeof stationContract>;
