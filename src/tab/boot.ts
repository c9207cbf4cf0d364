/**
 * The first data the server put in the start page (issue 18, P4): who is signed in and the forum
 * tree, for a browser signed in with the dev sign-in. Each part is taken once; a screen that asks
 * again (sign-in changed, reload) asks the API. Inside Teams the page has none (the SSO token is
 * only in the browser), and the tab asks as usual.
 */
import type { MeResponse } from '../contracts/system.contract.js';
import type { ForumNodeResponse } from '../contracts/registry.contract.js';

type Boot = { me?: MeResponse; tree?: ForumNodeResponse[] };

let boot: Boot | undefined;
function read(): Boot {
  if (boot) return boot;
  boot = {};
  const el = typeof document === 'undefined' ? null : document.getElementById('samraad-boot');
  if (el?.textContent) {
    try {
      boot = JSON.parse(el.textContent) as Boot;
    } catch (err) {
      console.warn('Samraad: the start page data could not be read; asking the API', err);
    }
  }
  return boot;
}

/** The part, once; undefined when the page had none or it was taken. */
export function takeBoot<K extends keyof Boot>(key: K): Boot[K] | undefined {
  const b = read();
  const v = b[key];
  delete b[key];
  return v;
}
