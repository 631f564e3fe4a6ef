/** What a benefit application asks for, from its form number; it decides which rules the filing touches. */
export const ApplicationPurpose = [
  'extension-or-change-of-status', 'adjustment-of-status', 'asylum', 'temporary-protected-status', 'deferred-action',
  'naturalization', 'certificate-of-citizenship', 'removal-of-conditions', 'other',
] as const;
export type ApplicationPurpose = (typeof ApplicationPurpose)[number];

const purposes: Partial<Record<string, ApplicationPurpose>> = {
  I539: 'extension-or-change-of-status',
  I129: 'extension-or-change-of-status',
  I485: 'adjustment-of-status',
  I589: 'asylum',
  I821: 'temporary-protected-status',
  I821D: 'deferred-action',
  N400: 'naturalization',
  N600: 'certificate-of-citizenship',
  N600K: 'certificate-of-citizenship',
  I751: 'removal-of-conditions',
};

export const ApplicationForm = {
  /** "I-539", "i539" and "Form I-539" all name the same form. */
  normalize(form: string): string {
    return form.toUpperCase().replace(/^FORM\s*/, '').replace(/[^A-Z0-9]/g, '');
  },

  purpose(form: string): ApplicationPurpose {
    return purposes[ApplicationForm.normalize(form)] ?? 'other';
  },
} as const;
