import { describe, expect, it } from 'vitest';
import { groupSecret } from './totp-enrolment';
import { formatRecoveryCode, recoveryCodesText } from './recovery-codes';

describe('enrolment helpers', () => {
  it('shows the secret in groups of four', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(groupSecret(' AB CD ')).toBe('ABCD');
  });

  it('shows recovery codes grouped, whether or not the server grouped them', () => {
    expect(formatRecoveryCode('ksdb4hg4g9')).toBe('ksdb-4hg4-g9');
    expect(formatRecoveryCode('ksdb-4hg4-g9')).toBe('ksdb-4hg4-g9');
    expect(formatRecoveryCode('odd')).toBe('odd');
  });

  it('writes the recovery codes one per line under a heading', () => {
    expect(recoveryCodesText(['aaaa-bbbb-cc', 'dddd-eeee-ff'], 'Codes:')).toBe('Codes:\n\naaaa-bbbb-cc\ndddd-eeee-ff\n');
  });
});
