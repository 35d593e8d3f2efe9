// The length the server accepts for a new password (api/domain/src/password.rs: 8 to 128
// characters of the NFC form, no composition rules). The server also refuses common
// passwords and the phone number itself, which only it can check, and has the last word.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Length as the server counts it: Unicode code points of the NFC form, not UTF-16 units. */
export function passwordLength(value: string | undefined): number {
  return value ? [...value.normalize('NFC')].length : 0;
}
