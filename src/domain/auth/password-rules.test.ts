import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-rules.ts';

const denyList = new Set(['qwerty123456', 'password1234']);

describe('checkPassword', () => {
  it('accepts a 12-character passphrase with no composition rules', () => {
    expect(checkPassword('tea with two', { denyList })).toBeUndefined();
  });

  it('refuses fewer than 12 characters, counting an emoji or accent once', () => {
    expect(checkPassword('elevenchars', { denyList })).toBe('too-short');
    expect(checkPassword('café au lai', { denyList })).toBe('too-short');
    expect(checkPassword('😀😀😀😀😀😀abcdef', { denyList })).toBeUndefined();
  });

  it('refuses more than 128 characters', () => {
    expect(checkPassword(`${'abc'.repeat(42)}de`, { denyList })).toBeUndefined();
    expect(checkPassword('abc'.repeat(43), { denyList })).toBe('too-long');
  });

  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('QWERTY123456', { denyList })).toBe('common');
  });

  it('refuses passwords of one or two repeated characters', () => {
    expect(checkPassword('aaaaaaaaaaaa', { denyList })).toBe('repetitive');
    expect(checkPassword('abababababab', { denyList })).toBe('repetitive');
  });

  it('refuses a password that is mostly the email or name', () => {
    expect(checkPassword('jane.smith2026', { denyList, email: 'jane.smith@example.org' })).toBe('personal');
    expect(checkPassword('JaneSmith!!!', { denyList, displayName: 'Jane Smith' })).toBe('personal');
    expect(
      checkPassword('jane likes long walks by the sea', { denyList, displayName: 'Jane' }),
    ).toBeUndefined();
  });
});
