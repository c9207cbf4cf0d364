/**
 * A screen whose data could not be read: a missing right (401/403) is no error, a real
 * failure (5xx, network) is. Rendered on the server (react-dom/server) from the component
 * the screens use (LoadProblem in shared.tsx).
 */
import { describe, expect, it } from '@jest/globals';
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { LoadProblem, isAccessProblem } from './shared.js';
import type { ApiError } from '../api.js';
import type { Lang } from '../i18n.js';

const html = (error: unknown, lang: Lang, onRetry?: () => void) =>
  renderToStaticMarkup(<FluentProvider theme={webLightTheme}><LoadProblem error={error} lang={lang} onRetry={onRetry} /></FluentProvider>);
const text = (markup: string) =>
  markup.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

const refused: ApiError = { status: 403, detail: 'Only members of the forum and its secretariat can see this meeting', detailDa: 'Kun forummets medlemmer og sekretariat kan se dette møde' };
const failed: ApiError = { status: 503, detail: 'The database does not answer', detailDa: 'Databasen svarer ikke' };

describe('LoadProblem: a missing right is not an error', () => {
  it('tells a person refused (403) calmly, in Danish, which right is missing and whom to ask: no red error, no retry', () => {
    const m = html(refused, 'da', () => undefined);
    expect(m).toContain('data-no-access');
    expect(m).not.toContain('role="alert"');
    expect(m).not.toMatch(/intent-error|data-load-failed/);
    expect(text(m)).toContain('Du har ikke adgang til dette');
    expect(text(m)).toContain('Kun forummets medlemmer og sekretariat kan se dette møde. Spørg forummets sekretariat, hvis du skal have adgang.');
    expect(text(m)).not.toContain('Kunne ikke hente data');
    expect(m).not.toContain('<button');
  });

  it('says the same in English', () => {
    const t = text(html(refused, 'en', () => undefined));
    expect(t).toContain('You do not have access to this');
    expect(t).toContain("Only members of the forum and its secretariat can see this meeting. Ask the forum's secretariat if you need access.");
    expect(t).not.toContain('Could not load data');
  });

  it('tells a person whose sign-in ran out (401) to sign in again, calmly', () => {
    const m = html({ status: 401, detail: 'Sign in first' }, 'da');
    expect(m).toContain('data-no-access');
    expect(text(m)).toContain('Du er ikke logget ind');
    expect(m).not.toContain('role="alert"');
  });

  it('keeps the red error with "Prøv igen" for a real failure (5xx) and for a network error', () => {
    for (const error of [failed, new TypeError('Failed to fetch')]) {
      const m = html(error, 'da', () => undefined);
      expect(m).toContain('role="alert"');
      expect(m).toContain('data-load-failed');
      expect(text(m)).toContain('Kunne ikke hente data');
      expect(m).toMatch(/<button[^>]*>Prøv igen<\/button>/);
    }
    expect(text(html(failed, 'en', () => undefined))).toContain('Could not load data');
    expect(text(html(failed, 'en', () => undefined))).toContain('Try again');
  });

  it('knows an access problem by its status only', () => {
    expect(isAccessProblem(refused)).toBe(true);
    expect(isAccessProblem({ status: 401, detail: '' })).toBe(true);
    expect(isAccessProblem(failed)).toBe(false);
    expect(isAccessProblem({ status: 404, detail: '' })).toBe(false);
    expect(isAccessProblem(new Error('x'))).toBe(false);
    expect(isAccessProblem(null)).toBe(false);
  });
});
