import { ApiError } from '../api/client.js';

/** An error said plainly, with what to do about it; announced to screen readers at once. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'something went wrong';
  const hint = error instanceof ApiError ? error.hint : undefined;
  return (
    <div className="notice notice-error" role="alert">
      <strong>{message.charAt(0).toUpperCase() + message.slice(1)}.</strong>
      {hint === undefined ? null : <span> {hint.charAt(0).toUpperCase() + hint.slice(1)}.</span>}
    </div>
  );
}
