import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DOMParser } from '@xmldom/xmldom';
import { chromium, type Browser } from 'playwright-core';
import { buildMeetingDocument } from '../../src/domain/documents/meeting-document.view.js';
import { escapeHtml, renderMeetingHtml } from '../../src/adapters/documents/meeting.html-renderer.js';
import { items, minutesInput } from './meeting.fixture.js';

const hostile = '<script>alert("x")</script> & \'Ø\'';

describe('meeting HTML', () => {
  const view = buildMeetingDocument(minutesInput());
  const html = renderMeetingHtml(view, { downloads: [{ label: 'Hent som Word', href: '/offentlig/m/referat.docx?a=1&b=2' }] });
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));

  it('is one document with lang, one h1, an h2 per item and the attachment list last', () => {
    expect(doc.documentElement!.getAttribute('lang')).toBe('da-DK');
    expect(all('h1').map((h) => h.textContent)).toEqual(['Referat: 4. møde i Klyngestyregruppen for Midtklyngen']);
    const h2 = all('h2').map((h) => h.textContent);
    expect(h2).toHaveLength(9);
    expect(h2[2]).toBe('3. Forløbsprogram for KOL');
    expect(h2[8]).toBe('Bilag');
    expect(all('time').map((t) => t.textContent)).toEqual(view.items.map((i) => i.timeText));
  });

  it('marks header labels as row headers', () => {
    const th = all('th');
    expect(th.map((t) => t.textContent)).toEqual(['Emne', 'Deltagere', 'Afbud', 'Mødedato', 'Tidspunkt', 'Sted', 'Referent', 'Ordstyrer']);
    expect(th.every((t) => t.getAttribute('scope') === 'row')).toBe(true);
  });

  it('escapes every piece of text that users wrote', () => {
    const evil = minutesInput({
      items: items.map((i, k) =>
        k === 0
          ? { ...i, title: hostile, background: hostile, recommendations: [hostile], decision: hostile, presenters: [hostile], attachments: [{ id: 'x', fileName: `${hostile}.pdf`, contentType: 'application/pdf', size: 1 }] }
          : i,
      ),
      meeting: { ...minutesInput().meeting, location: hostile },
    });
    const out = renderMeetingHtml(buildMeetingDocument(evil), { downloads: [{ label: hostile, href: '"><script>x</script>' }] });
    expect(out).not.toContain('<script>');
    expect(out).toContain('href="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(out).toContain(escapeHtml(hostile));
    expect(escapeHtml(hostile)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ø&#39;');
  });

  it('gives a fragment without the page shell', () => {
    const frag = renderMeetingHtml(view, { fragment: true });
    expect(frag.startsWith('<article lang="da-DK"')).toBe(true);
    expect(frag).not.toContain('<html');
  });

  describe('in Chromium with axe-core', () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
    });
    afterAll(async () => {
      await browser?.close();
    });

    for (const [name, kind, language] of [
      ['Danish minutes', 'minutes', 'da'],
      ['English agenda', 'agenda', 'en'],
    ] as const) {
      it(`has no serious or critical violations: ${name}`, async () => {
        const page = await browser!.newPage();
        await page.setContent(renderMeetingHtml(buildMeetingDocument(minutesInput({ kind, language }))));
        const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
        await page.addScriptTag({ content: axeSource });
        const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
          violations: Array<{ id: string; impact: string | null }>;
        };
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => v.id)).toEqual([]);
        await page.close();
      });
    }
  });
});
