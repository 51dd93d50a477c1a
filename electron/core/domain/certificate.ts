import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { CertificateInfo } from '../contract/station';

export type CertificateProblem = 'cert.unreadable' | 'cert.keyUnreadable' | 'cert.keyMismatch' | 'cert.expired' | 'cert.notYetValid';

/** Reads a PEM certificate; null when it is not one. */
export function describeCertificate(pem: string): CertificateInfo | null {
  try {
    const cert = new X509Certificate(pem);
    return {
      subject: cert.subject.replace(/\n/g, ', '),
      issuer: cert.issuer.replace(/\n/g, ', '),
      validFrom: new Date(cert.validFrom).toISOString(),
      validTo: new Date(cert.validTo).toISOString(),
      fingerprint256: cert.fingerprint256,
      altNames: cert.subjectAltName ?? '',
      selfSigned: cert.checkIssued(cert),
    };
  } catch {
    return null;
  }
}

/**
 * Checks a certificate and its private key as the admin gives them: both readable, the key
 * belongs to the certificate, and the certificate is valid at `now`. Returns the first problem, or null.
 */
export function checkCertificatePair(certPem: string, keyPem: string, now: Date): CertificateProblem | null {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch {
    return 'cert.unreadable';
  }
  let key;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    return 'cert.keyUnreadable';
  }
  if (!cert.checkPrivateKey(key)) return 'cert.keyMismatch';
  if (new Date(cert.validTo).getTime() <= now.getTime()) return 'cert.expired';
  if (new Date(cert.validFrom).getTime() > now.getTime()) return 'cert.notYetValid';
  return null;
}
