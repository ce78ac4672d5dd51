import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './newPassword';

describe('checkNewPassword', () => {
  it('accepts a password typed the same twice', () => {
    expect(checkNewPassword('ключ-2024', 'ключ-2024')).toBeNull();
  });

  it('says what is wrong', () => {
    expect(checkNewPassword('abcde', 'abcde')).toBe('passwordTooShort');
    expect(checkNewPassword('x'.repeat(257), 'x'.repeat(257))).toBe('passwordTooLong');
    expect(checkNewPassword('abcdef', 'abcdeg')).toBe('passwordMismatch');
  });

  it('counts characters as main does: an emoji or a decomposed «ё» is one', () => {
    expect(checkNewPassword('🔑🔑🔑', '🔑🔑🔑')).toBe('passwordTooShort');
    expect(checkNewPassword('🔑'.repeat(200), '🔑'.repeat(200))).toBeNull();
    expect(checkNewPassword('е\u0308'.repeat(5), 'е\u0308'.repeat(5))).toBe('passwordTooShort');
  });
});
