import { DocketError } from '../../core/errors/index.js';

/**
 * The one "not found" answer, given alike for what does not exist and for what the caller may
 * not see, so that a refusal does not reveal that the thing exists.
 */
export function notFound(path: string): DocketError {
  const clean = path.split('?')[0] ?? path;
  return new DocketError('not-found', `nothing found at ${clean}`, { hint: 'check the address; it may not exist, or it may be outside what your role may see' });
}
