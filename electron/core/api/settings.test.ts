import { afterEach, describe, expect, it } from 'vitest';
import { createTempCore, must, mustFail, type TempCore } from '../testing/tempCore';

describe('settings', () => {
  let t: TempCore;
  afterEach(() => t.cleanup());

  it('shows the SMS gateway secret only to the admin, and refuses a gateway address that is not http(s)', () => {
    t = createTempCore();
    const admin = t.as(t.setupAdmin());
    const followup = t.as(t.signIn('followup', 'follow1'));
    must(admin('settings.save', { smsGateway: { url: 'https://sms.example.test/send', token: 'secret-token', sender: '3000' } }));
    expect(must(admin('settings.get', {})).smsGateway.token).toBe('secret-token');
    const seen = must(followup('settings.get', {})).smsGateway;
    expect(seen).toEqual({ url: 'https://sms.example.test/send', token: '********', sender: '3000' });
    expect(mustFail(admin('settings.save', { smsGateway: { url: 'ftp://x', token: '', sender: '' } }))).toMatchObject({
      code: 'invalid_input',
      field: 'smsGateway.url',
    });
    expect(mustFail(followup('settings.save', { staleDays: 3 })).code).toBe('forbidden');
    expect(must(admin('settings.get', {})).staleDays).toBe(7);
  });
});
