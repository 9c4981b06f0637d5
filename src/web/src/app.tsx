import { useEffect, useState } from 'preact/hooks';
import { Layout } from './components/layout';
import { api, onSignedOut } from './lib/api';
import { match, useLocation } from './lib/router';
import { forgetKey, storedKey, storeKey } from './lib/session';
import { AlertDetailPage } from './pages/alert-detail';
import { AlertsPage } from './pages/alerts';
import { EventDetailPage } from './pages/event-detail';
import { EventsPage } from './pages/events';
import { HuntingPage } from './pages/hunting';
import { OverviewPage } from './pages/overview';
import { RuleEditorPage } from './pages/rule-editor';
import { RulesPage } from './pages/rules';
import { ServerDetailPage } from './pages/server-detail';
import { ServerWizardPage } from './pages/server-wizard';
import { ServersPage } from './pages/servers';
import { SettingsPage } from './pages/settings';
import { SignIn } from './pages/sign-in';

function Page({ path, params }: { path: string; params: URLSearchParams }) {
  const routes: [string, (p: Record<string, string>) => preact.JSX.Element][] = [
    ['/', () => <OverviewPage />],
    ['/servers', () => <ServersPage />],
    ['/servers/new', () => <ServerWizardPage />],
    ['/servers/:id', (p) => <ServerDetailPage id={p.id ?? ''} />],
    ['/events', () => <EventsPage params={params} />],
    ['/events/:id', (p) => <EventDetailPage id={p.id ?? ''} />],
    ['/alerts', () => <AlertsPage params={params} />],
    ['/alerts/:id', (p) => <AlertDetailPage id={p.id ?? ''} />],
    ['/rules', () => <RulesPage />],
    ['/rules/new', () => <RuleEditorPage id={null} />],
    ['/rules/:id', (p) => <RuleEditorPage id={p.id ?? ''} />],
    ['/hunting', () => <HuntingPage params={params} />],
    ['/settings', () => <SettingsPage />],
  ];
  for (const [pattern, render] of routes) {
    const found = match(pattern, path === '' ? '/' : path);
    if (found) return render(found);
  }
  return (
    <section>
      <h1>Not found</h1>
      <p>There is no page at this address.</p>
    </section>
  );
}

export function App() {
  const { path, params } = useLocation();
  const [key, setKey] = useState(storedKey());
  const [me, setMe] = useState<string | null>(null);
  useEffect(() => onSignedOut(() => setKey(null)), []);
  useEffect(() => {
    if (key === null) return;
    api<{ caller: { name: string; role: string } }>('GET', '/api/about')
      .then((about) => setMe(`${about.caller.name} (${about.caller.role})`))
      .catch(() => setMe(null));
  }, [key]);
  if (key === null) {
    return (
      <SignIn
        onSignedIn={(value) => {
          storeKey(value);
          setKey(value);
        }}
      />
    );
  }
  return (
    <Layout
      path={path}
      keyName={me}
      onSignOut={() => {
        forgetKey();
        setKey(null);
      }}
    >
      <Page path={path} params={params} />
    </Layout>
  );
}
