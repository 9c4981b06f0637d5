import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Link } from './link';

export const NAV = [
  { href: '/', label: 'Overview' },
  { href: '/servers', label: 'My Servers' },
  { href: '/events', label: 'Events' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/rules', label: 'Rules' },
  { href: '/hunting', label: 'Hunting' },
  { href: '/settings', label: 'Settings' },
] as const;

function section(path: string): string {
  const first = `/${path.split('/')[1] ?? ''}`;
  return NAV.some((item) => item.href === first) ? first : '/';
}

/** The frame of every page: skip link, navigation, the page's heading and content. */
export function Layout(props: {
  path: string;
  keyName: string | null;
  onSignOut: () => void;
  children: ComponentChildren;
}) {
  const main = useRef<HTMLElement>(null);
  const active = section(props.path);
  const first = useRef(true);
  // After navigation (not on first load), move focus to the new page so keyboard and screen
  // reader users start there; on first load Tab reaches the skip link first.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [props.path]);
  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">
          <img src="/favicon.svg" alt="" width={22} height={22} /> MCP Sentinel
        </span>
        <span class="spacer" />
        {props.keyName && <span class="muted">Signed in as {props.keyName}</span>}
        <button type="button" class="small" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      <nav class="sidebar" aria-label="Main">
        <ul>
          {NAV.map((item) => (
            <li key={item.href}>
              <Link href={item.href} current={item.href === active}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        {props.children}
      </main>
    </div>
  );
}
