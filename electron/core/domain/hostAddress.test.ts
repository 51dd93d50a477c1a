import { describe, expect, it } from 'vitest';
import { parseHostAddress } from './hostAddress';

describe('parseHostAddress', () => {
  it('reads what a person types, Persian digits included', () => {
    expect(parseHostAddress('192.168.1.10')).toBe('http://192.168.1.10:8080/');
    expect(parseHostAddress(' ۱۹۲.۱۶۸.۱.۱۰:۹۰۹۰ ')).toBe('http://192.168.1.10:9090/');
    expect(parseHostAddress('https://didar-host.local:8443')).toBe('https://didar-host.local:8443/');
    expect(parseHostAddress('DIDAR-HOST')).toBe('http://didar-host:8080/');
  });
  it('refuses what is not a host address', () => {
    for (const bad of ['', '   ', 'ftp://x', 'http://x/path', 'http://u:p@x', '300.1.1.1', 'a b', 'http://x?y=1', 'سلام']) {
      expect(parseHostAddress(bad), bad).toBeNull();
    }
  });
});
