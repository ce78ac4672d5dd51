import { expect } from 'vitest';

// Vitest types its asymmetric matchers `any`; these stand where the checked value is a string, so a
// matcher inside an expected object keeps the object typed.

export function textContaining(part: string): string {
  return expect.stringContaining(part) as string;
}

export function textMatching(pattern: string | RegExp): string {
  return expect.stringMatching(pattern) as string;
}

export function anyText(): string {
  return expect.any(String) as string;
}
