import { z } from 'zod';
import { method, returns } from './define';

/** What a person checks about a TLS certificate: who it names, who signed it, until when, and its fingerprint. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** UTC ISO instants. */
  validFrom: string;
  validTo: string;
  /** SHA-256 of the certificate, as colon-separated hex (what a joining desk pins and a person compares). */
  fingerprint256: string;
  /** The names and addresses the certificate is for (subjectAltName), as the certificate writes them. */
  altNames: string;
  selfSigned: boolean;
}

/** The station's settings as the admin sees them: never the private key. */
export interface StationView {
  bind: string;
  port: number;
  requireTls: boolean;
  /** The stored certificate, described; null when none is stored. */
  certificate: CertificateInfo | null;
  /** This PC's IPv4 network cards, to choose the bind address from. */
  interfaces: { name: string; address: string }[];
}

const pem = (max: number) => z.string().max(max);

/** Issue 8: the LAN station's own settings (bind address, port, TLS certificate), applied at the host's next start. */
export const stationContract = {
  'station.get': method({ input: z.strictObject({}), access: ['admin'], readonly: true, returns: returns<StationView>() }),
  /**
   * Saves the bind address, the port and TLS. A new certificate comes with its key (PEM text);
   * leaving both empty keeps the stored pair; `removeCertificate` drops it (TLS must then be off).
   */
  'station.update': method({
    input: z.strictObject({
      bind: z.string().trim().max(45),
      port: z.number().int().min(1024, { error: 'msg:station.port' }).max(65535, { error: 'msg:station.port' }),
      requireTls: z.boolean(),
      certificatePem: pem(64 * 1024).default(''),
      keyPem: pem(64 * 1024).default(''),
      removeCertificate: z.boolean().default(false),
    }),
    access: ['admin'],
    returns: returns<StationView>(),
  }),
};
