import { z } from 'zod';
import { DocketError } from '../errors/index.js';
import { DataCategory, PurposeOfUse } from './data-category.js';
import { findDeclinedCategory } from './declined-category.js';

/** Retention as whole days, or "7y", "18m", "90d". */
export function parseRetention(text: string): number | undefined {
  const match = /^\s*(\d+)\s*([dmy]?)\s*$/i.exec(text);
  if (match === null) return undefined;
  const amount = Number(match[1]);
  const unit = match[2].toLowerCase();
  const days = unit === 'y' ? amount * 365 : unit === 'm' ? amount * 30 : amount;
  return days > 0 ? days : undefined;
}

export const SourceName = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a source name is 2 to 63 lower-case letters, digits and hyphens, e.g. "arrivals-departures"');

const RegistrationInput = z.object({
  name: SourceName,
  legalAuthority: z.string().trim().min(3, 'the legal authority must cite the law or regulation that allows collecting this data'),
  purposes: z.array(z.string()).min(1, 'at least one permitted purpose is required'),
  category: z.string().trim().min(1, 'a data category is required'),
  retention: z.union([z.number().int().positive(), z.string()]),
  description: z.string().default(''),
});
export type SourceRegistrationInput = z.input<typeof RegistrationInput>;

export interface SourceRegistration {
  readonly name: string;
  readonly legalAuthority: string;
  readonly purposes: readonly PurposeOfUse[];
  readonly category: DataCategory;
  readonly retentionDays: number;
  readonly description: string;
}

/**
 * Checks a request to register a source. Declined categories are refused with the rule that
 * refuses them, whether they are named as the category or described in the description.
 */
export function validateRegistration(input: unknown): SourceRegistration {
  const parsed = RegistrationInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues.at(0);
    const where = issue === undefined || issue.path.length === 0 ? 'registration' : issue.path.join('.');
    throw new DocketError('invalid-input', `source registration: ${where}: ${issue?.message ?? 'invalid'}`, {
      hint: 'give --name, --legal-authority, --purpose, --category and --retention',
      details: { field: where },
    });
  }
  const value = parsed.data;
  for (const text of [value.category, value.name, value.description]) {
    const declined = findDeclinedCategory(text);
    if (declined !== undefined) {
      throw new DocketError('declined-by-design', `${declined.rule}: ${declined.reason}; source "${value.name}" is refused`, {
        hint: 'this category is declined by design and cannot be registered',
        details: { rule: declined.rule, category: declined.category },
      });
    }
  }
  const category = DataCategory.find((c) => c === value.category);
  if (category === undefined) {
    throw new DocketError('invalid-input', `source registration: category "${value.category}" is not a data category Docket holds`, {
      hint: `use one of: ${DataCategory.join(', ')}`,
      details: { field: 'category' },
    });
  }
  const purposes = value.purposes.map((purpose) => {
    const known = PurposeOfUse.find((p) => p === purpose);
    if (known === undefined) {
      throw new DocketError('invalid-input', `source registration: purpose "${purpose}" is not a purpose of use Docket knows`, {
        hint: `use one or more of: ${PurposeOfUse.join(', ')}`,
        details: { field: 'purposes' },
      });
    }
    return known;
  });
  const retentionDays = typeof value.retention === 'number' ? value.retention : parseRetention(value.retention);
  if (retentionDays === undefined) {
    throw new DocketError('invalid-input', `source registration: retention "${String(value.retention)}" is not a period`, {
      hint: 'give the retention as days (3650) or with a unit: 90d, 18m, 10y',
      details: { field: 'retention' },
    });
  }
  return { name: value.name, legalAuthority: value.legalAuthority, purposes: [...new Set(purposes)], category, retentionDays, description: value.description };
}
