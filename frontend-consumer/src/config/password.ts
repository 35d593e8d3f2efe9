// The length the server accepts for a new password (it also refuses common passwords and the
// phone number itself, which only it can check). No composition rules: length is what counts.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function passwordLength(value: string | undefined): number {
  return value ? [...value].length : 0;
}
