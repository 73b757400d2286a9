import { describe, expect, it } from 'vitest';
import { originPattern } from '../../utils/stores/types';

// The host permission asked for a panel or a site: Firefox match patterns carry no port.
describe('originPattern', () => {
  it('Chrome: the exact origin, port included', () => {
    expect(originPattern('http://127.0.0.1:8787', 'chrome')).toBe('http://127.0.0.1:8787/*');
    expect(originPattern('https://smmonayim.com', 'chrome')).toBe('https://smmonayim.com/*');
    expect(originPattern('http://[::1]:3000', 'chrome')).toBe('http://[::1]:3000/*');
  });

  it('Firefox: the host without its port (a pattern with a port is refused there)', () => {
    expect(originPattern('http://127.0.0.1:8787', 'firefox')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://panel.example:8443', 'firefox')).toBe('https://panel.example/*');
    expect(originPattern('http://localhost:5173', 'firefox')).toBe('http://localhost/*');
    expect(originPattern('http://[::1]:3000', 'firefox')).toBe('http://[::1]/*');
  });

  it('an origin without a port is the same pattern in both browsers', () => {
    for (const origin of ['https://smmonayim.com', 'http://127.0.0.1', 'https://xn--pnel-5qa.example']) {
      expect(originPattern(origin, 'firefox')).toBe(originPattern(origin, 'chrome'));
    }
  });

  it('defaults to the browser the build is for (Chrome in these tests)', () => {
    expect(originPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/*');
  });
});
