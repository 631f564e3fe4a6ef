import { useEffect, useState } from 'react';

/** The pages of the app; each path names one. */
export type Route =
  | { readonly page: 'sign-in' }
  | { readonly page: 'purpose' }
  | { readonly page: 'search'; readonly q: string }
  | { readonly page: 'person'; readonly id: number }
  | { readonly page: 'dashboard' }
  | { readonly page: 'reviews' }
  | { readonly page: 'review'; readonly id: number }
  | { readonly page: 'activity' }
  | { readonly page: 'cases' }
  | { readonly page: 'case'; readonly id: number }
  | { readonly page: 'proposals' }
  | { readonly page: 'proposal'; readonly id: number }
  | { readonly page: 'not-found' };

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '');
  const id = Number(parts[1]);
  switch (parts.at(0)) {
    case undefined:
    case 'search':
      return { page: 'search', q: new URLSearchParams(search).get('q') ?? '' };
    case 'sign-in':
      return { page: 'sign-in' };
    case 'purpose':
      return { page: 'purpose' };
    case 'persons':
      return Number.isInteger(id) && id > 0 ? { page: 'person', id } : { page: 'not-found' };
    case 'dashboard':
      return { page: 'dashboard' };
    case 'reviews':
      if (parts.length === 1) return { page: 'reviews' };
      return Number.isInteger(id) && id > 0 ? { page: 'review', id } : { page: 'not-found' };
    case 'activity':
      return { page: 'activity' };
    case 'cases':
      if (parts.length === 1) return { page: 'cases' };
      return Number.isInteger(id) && id > 0 ? { page: 'case', id } : { page: 'not-found' };
    case 'proposals':
      if (parts.length === 1) return { page: 'proposals' };
      return Number.isInteger(id) && id > 0 ? { page: 'proposal', id } : { page: 'not-found' };
    default:
      return { page: 'not-found' };
  }
}

const changed = 'docket:navigate';

/** Goes to `path` inside the app without reloading it. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace === true) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(changed));
}

export function useRoute(): Route {
  const read = (): Route => parseRoute(window.location.pathname, window.location.search);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const update = (): void => {
      setRoute(read());
    };
    window.addEventListener('popstate', update);
    window.addEventListener(changed, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(changed, update);
    };
  }, []);
  return route;
}
