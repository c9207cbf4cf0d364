/**
 * The first view (first-view.ts): the shell's navigation as plain HTML, with the tab's words,
 * Fluent's colours, every forum of the tree the person may see, and nothing for anyone else.
 */
import { describe, expect, it } from '@jest/globals';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { FIRST_VIEW_FONT, FIRST_VIEW_TEXTS, FIRST_VIEW_THEMES, firstViewHtml, firstViewStyle, isSecretariat } from './first-view.js';
import { texts } from './i18n.js';
import { regionsTexts } from './i18n.regions.js';
import type { MeResponse } from '../contracts/system.contract.js';
import type { ForumNodeResponse } from '../contracts/registry.contract.js';

const node = (id: string, name: string, children: ForumNodeResponse[] = [], extra: Partial<ForumNodeResponse> = {}) =>
  ({ id, name, kind: 'klyngestyregruppe', status: 'active', parentId: null, region: 'Region Midtjylland', children, ...extra }) as unknown as ForumNodeResponse;
const me = (memberships: { role: string; to?: string }[], administersRegions: string[] = []) =>
  ({ signedIn: true, via: 'dev', devSignIn: true, person: { id: 'p1', name: 'P' }, memberships, administersRegions }) as unknown as MeResponse;
const tree = [node('top', 'Sundhedsråd Midt', [node('kid', 'Klynge <Vest> & "Øst"', [], { status: 'ended' } as Partial<ForumNodeResponse>)])];

describe('the first view', () => {
  it('uses the tab\'s own Danish words and Fluent\'s Teams colours and font', () => {
    const da = texts.da;
    expect(FIRST_VIEW_TEXTS).toEqual({
      appName: da.appName, tagline: da.tagline, forumHierarchy: da.forumHierarchy, loading: da.loading,
      overview: da.m.overview, sync: da.sy.nav, regions: regionsTexts.da.nav, transitions: da.tr.nav, ended: da.ended,
    });
    for (const [name, theme] of [['default', teamsLightTheme], ['dark', teamsDarkTheme], ['contrast', teamsHighContrastTheme]] as const) {
      expect({ name, ...FIRST_VIEW_THEMES[name] }).toEqual({
        name, b1: theme.colorNeutralBackground1, b2: theme.colorNeutralBackground2, f1: theme.colorNeutralForeground1, f2: theme.colorNeutralForeground2, s2: theme.colorNeutralStroke2,
      });
    }
    expect(FIRST_VIEW_FONT).toBe(teamsLightTheme.fontFamilyBase);
  });

  it('lists every forum of the tree with its id, escaped name and address, nested as in the tree', () => {
    const html = firstViewHtml({ me: me([]), tree }, '2026-12-06');
    expect([...html.matchAll(/data-forum-id="([^"]+)"/g)].map((m) => m[1])).toEqual(['top', 'kid']);
    expect(html).toContain('<a href="#/forums/top">Sundhedsråd Midt</a><ul><li data-forum-id="kid"><a href="#/forums/kid">Klynge &#60;Vest&#62; &#38; &#34;Øst&#34; <span class="sfv-x">Nedlagt</span></a></li></ul>');
    expect(html).toContain('<nav class="sfv-n" aria-label="Forumhierarki">');
    expect(html).toContain('<main id="main"');
    expect(html).not.toContain('<Vest>');
  });

  it('offers the sync page to a secretariat today and a region\'s transitions to its secretariat only, as the app does', () => {
    const member = firstViewHtml({ me: me([{ role: 'member' }]), tree }, '2026-12-06');
    const secretary = firstViewHtml({ me: me([{ role: 'secretary' }], ['Region Midtjylland']), tree }, '2026-12-06');
    // A theme group's chair is a secretariat of their forum, not of the region: no transitions offered.
    const themeChair = firstViewHtml({ me: me([{ role: 'chair' }]), tree }, '2026-12-06');
    expect(themeChair).toContain('<a href="#/sync">Synkronisering</a>');
    expect(themeChair).not.toContain('/transitions');
    expect(member).not.toContain('/transitions');
    const formerChair = me([{ role: 'chair', to: '2026-12-05' }]);
    for (const html of [member, secretary]) expect(html).toContain('href="#/me"');
    expect(member).not.toContain('#/sync');
    expect(secretary).toContain('<a href="#/sync">Synkronisering</a>');
    expect(secretary).toContain('<a href="#/regions/Region%20Midtjylland/transitions">Omstilling: Region Midtjylland</a>');
    expect(isSecretariat(formerChair, '2026-12-06')).toBe(false);
    expect(isSecretariat(formerChair, '2026-12-05')).toBe(true);
  });

  it('shows nothing without a signed-in person and their tree', () => {
    expect(firstViewHtml({}, '2026-12-06')).toBe('');
    expect(firstViewHtml({ me: { signedIn: false, devSignIn: true } as MeResponse, tree }, '2026-12-06')).toBe('');
    expect(firstViewHtml({ me: me([]) }, '2026-12-06')).toBe('');
  });

  it('follows the browser into dark mode unless the address names a theme', () => {
    expect(firstViewStyle(undefined)).toContain(`@media (prefers-color-scheme: dark){:root{--sfv-b1:${FIRST_VIEW_THEMES.dark.b1}`);
    expect(firstViewStyle('dark')).not.toContain('prefers-color-scheme');
    expect(firstViewStyle('dark')).toContain(`--sfv-b2:${FIRST_VIEW_THEMES.dark.b2}`);
  });
});
