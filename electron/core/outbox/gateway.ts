import type { Settings } from '../contract';

/** Sends one short message; throws with a reason when the gateway refuses or cannot be reached. */
export interface SmsGateway {
  send(to: string, text: string): Promise<void>;
}

/**
 * The HTTP gateway configured in settings: `POST <url>` with JSON `{to, text, sender}` and
 * `Authorization: Bearer <token>`; any 2xx answer is a sent message.
 */
export class HttpSmsGateway implements SmsGateway {
  constructor(private readonly config: Settings['smsGateway']) {}

  async send(to: string, text: string): Promise<void> {
    const res = await fetch(this.config.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.config.token ? { authorization: `Bearer ${this.config.token}` } : {}) },
      body: JSON.stringify({ to, text, sender: this.config.sender }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`gateway answered ${res.status}`);
  }
}

/** The gateway the settings name, or null when none is configured (then nothing is ever sent). */
export function gatewayFromSettings(settings: Settings): SmsGateway | null {
  return settings.smsGateway.url ? new HttpSmsGateway(settings.smsGateway) : null;
}
