/** The settings of scheduled work and e-mail (src/config.ts). */
import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from '../src/config.ts';

describe('mail and job settings', () => {
  it('leave e-mail off without an SMTP URL and run jobs by default', () => {
    const config = loadConfig({ PORT: '3000' });
    expect(config.mail).toBeUndefined();
    expect(config.jobs).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('read the SMTP URL, the From address and the public URL', () => {
    const config = loadConfig({
      CASELOAD_SMTP_URL: 'smtp://user:pass@mail.example.org:587',
      CASELOAD_MAIL_FROM: 'Advice Centre <caseload@advice.example.org>',
      CASELOAD_PUBLIC_URL: 'https://caseload.example.org/',
      CASELOAD_JOBS: 'off',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtp://user:pass@mail.example.org:587',
      from: 'Advice Centre <caseload@advice.example.org>',
    });
    expect(config.publicUrl).toBe('https://caseload.example.org');
    expect(config.jobs).toBe(false);
    expect(
      loadConfig({ CASELOAD_SMTP_URL: 'smtps://mail.example.org', CASELOAD_PUBLIC_URL: 'https://a.example' })
        .mail?.from,
    ).toBe('Caseload <caseload@a.example>');
  });

  it('refuse bad values without repeating the SMTP URL (it holds a password)', () => {
    let problems: string[] = [];
    try {
      loadConfig({
        CASELOAD_SMTP_URL: 'http://user:hunter2@mail',
        CASELOAD_JOBS: 'maybe',
        CASELOAD_PUBLIC_URL: 'ftp://x',
      });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'CASELOAD_JOBS',
      'CASELOAD_SMTP_URL',
      'CASELOAD_PUBLIC_URL',
    ]);
    expect(problems.join('\n')).not.toContain('hunter2');
  });
});
