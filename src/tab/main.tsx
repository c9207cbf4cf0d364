import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { startHost, ssoToken } from './teams.js';
import { useTokenSource } from './api.js';

startHost()
  .then((host) => {
    if (host.hasSso) useTokenSource(() => ssoToken(host));
    createRoot(document.getElementById('root')!).render(<App host={host} />);
  })
  .catch((err: unknown) => {
    console.error('Samraad: the tab could not start', err);
    const root = document.getElementById('root');
    if (root) root.textContent = 'Samraad kunne ikke starte. Genindlæs siden. / Samraad could not start. Reload the page.';
  });
