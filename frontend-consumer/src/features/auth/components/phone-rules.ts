import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

/** A mainland mobile number: 11 digits starting with 1 and a network digit 3–9. */
export const MOBILE_PATTERN = /^1[3-9][0-9]{9}$/;
export const CODE_PATTERN = /^[0-9]{6}$/;

export function phoneRules(t: TFunction): Rule[] {
  return [
    { required: true, message: t('auth.phoneRequired') },
    { pattern: MOBILE_PATTERN, message: t('auth.phoneInvalid') },
  ];
}

export function codeRules(t: TFunction): Rule[] {
  return [
    { required: true, message: t('auth.codeRequired') },
    { pattern: CODE_PATTERN, message: t('auth.codeInvalid') },
  ];
}
