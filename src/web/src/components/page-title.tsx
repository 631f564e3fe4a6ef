import { useEffect, useRef, type ReactNode } from 'react';

/** The page's heading; it takes focus when the page opens so screen readers announce where they are. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Docket`;
    ref.current?.focus();
  }, [title]);
  return <h1 ref={ref} tabIndex={-1}>{children}</h1>;
}
