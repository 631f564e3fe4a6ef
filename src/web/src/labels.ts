/** Words for people in place of the identifiers the API uses. */
export const roleLabel = (role: string): string => role.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

export const purposeLabel: Readonly<Record<string, string>> = {
  'case-processing': 'Case processing',
  'identity-resolution': 'Identity resolution',
  'legal-status-determination': 'Legal status determination',
  'departure-verification': 'Departure verification',
  'removal-logistics': 'Removal logistics',
  'data-quality': 'Data quality',
  'challenge-and-correction': 'Challenge and correction',
  'oversight-audit': 'Oversight and audit',
};

export const purposeText = (purpose: string): string => purposeLabel[purpose] ?? purpose;

export const fieldLabel = (field: string): string => field.replace(/[_-]+/g, ' ').replace(/^./, (c) => c.toUpperCase());

export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function ago(iso: string | null, now: number = Date.now()): string {
  if (iso === null) return 'never';
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} days ago`;
}
