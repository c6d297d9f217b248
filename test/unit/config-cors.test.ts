import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('ARIADNE_CORS_ORIGINS', () => {
  it('is closed by default: no origin may call the API from a browser', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
  });

  it('reads a comma-separated list of exact origins, ignoring blanks and repeats', () => {
    const config = loadConfig({
      ARIADNE_CORS_ORIGINS:
        ' https://analysis.example.org , http://127.0.0.1:5173,,https://analysis.example.org',
    });
    expect(config.corsOrigins).toEqual(['https://analysis.example.org', 'http://127.0.0.1:5173']);
  });

  it.each([
    ['*', /ARIADNE_CORS_ORIGINS: "\*" is refused: .*list each origin exactly \(e\.g\. https:\/\/analysis/],
    ['https://*.example.org', /ARIADNE_CORS_ORIGINS: "https:\/\/\*\.example\.org" is refused/],
    ['https://analysis.example.org/', /"https:\/\/analysis\.example\.org\/" is not an exact origin/],
    ['https://analysis.example.org/app', /is not an exact origin .*e\.g\. https:\/\/analysis\.example\.org/],
    ['analysis.example.org', /ARIADNE_CORS_ORIGINS: "analysis\.example\.org" is not an exact origin/],
    ['ftp://files.example.org', /"ftp:\/\/files\.example\.org" is not an exact origin/],
    ['https://ok.example.org,null', /"null" is not an exact origin/],
  ])('refuses %j with a message naming the variable and showing an example', (value, message) => {
    expect(() => loadConfig({ ARIADNE_CORS_ORIGINS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ARIADNE_CORS_ORIGINS: value })).toThrow(message);
  });
});
