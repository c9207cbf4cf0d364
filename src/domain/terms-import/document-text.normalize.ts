/**
 * Normalises a kommissorium's text so that extraction rules see one shape,
 * whether it came from a .txt, pasted text or a Word document turned into text.
 *
 * What it does: unifies line endings and odd spaces, and flattens the light HTML
 * that table cells carry when a Word table is exported as "heading<TAB>cell"
 * (`<p>`, `<i>`, `<ul>` with " - " items). A row stays "Heading\tfirst line" and
 * the cell's further paragraphs follow on their own lines; list items become
 * "- item" lines. What it does not do: keep offsets into the raw input. Every
 * span the importer returns points into the normalised text, which is returned too.
 */

const BLOCK_TAG = / *<\/?(?:p|ul|ol|li|br|div|tr|td|th|table|tbody|h[1-6])\b[^>]*> */gi;
const INLINE_TAG = /<\/?(?:i|b|em|strong|u|span|a|sup|sub|font)\b[^>]*>/gi;

export function normalizeDocumentText(raw: string): string {
  let t = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u00AD\u200B-\u200D]/g, '');
  t = t
    .split('\n')
    .map((line) => (line.includes('<') ? flattenHtmlLine(line) : line))
    // Bullets pasted from Word ("•", "", "▪", "o") become "- ".
    .map((line) => line.replace(/^([ \t]*)(?:[•·▪●◦\uF0B7\uF0A7]|o(?=\s))\s*/u, '$1- '))
    .join('\n');
  t = t
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+$/gm, (m) => (m.includes('\t') ? '\t' : ''))
    .replace(/\n{3,}/g, '\n\n');
  t = unwrapLines(t);
  return t.replace(/^\n+/, '').replace(/\s+$/, '') + '\n';
}

function flattenHtmlLine(line: string): string {
  // Items of an HTML list exported as " - a - b" run on one line: give each its own.
  let s = line.replace(/<ul\b[^>]*>([\s\S]*?)(?=<\/ul>|<p>|<\/p>|$)/gi, (_m, body: string) =>
    '\n' + body.replace(/(^|\s)-\s+/g, '\n- '),
  );
  s = s.replace(INLINE_TAG, '');
  s = s.replace(BLOCK_TAG, '\n');
  // A cell that starts with a paragraph stays on its row line: "Formål\tBeslutningsorgan ...".
  s = s.replace(/\t\n+/g, '\t');
  return s.replace(/\n(?:[ \t]*\n)+/g, '\n').replace(/\n+$/, '');
}

const KEEP_HYPHEN = /^(?:og|eller|samt|som|til|and)$/;

/**
 * Text from PDFs and e-mails is hard-wrapped: a sentence runs on over line breaks and
 * a word is split with a hyphen ("Sundheds-\nstyregruppen", "Sundheds- styregruppen").
 * Page furniture ("Side 3 af 10", a bare page number) is dropped. A line joins the
 * next when it ends mid-sentence (a letter, digit or comma) and the next starts with a
 * lower-case letter; lists, table rows and headings are left alone.
 */
function unwrapLines(t: string): string {
  const lines = t.split('\n').filter((l) => !/^\s*(?:side\s+\d+\s*(?:af|\/)\s*\d+|\d{1,3}\s*(?:\/|af)\s*\d{1,3}|page\s+\d+(?:\s+of\s+\d+)?)\s*$/i.test(l));
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const starts = /^[\p{Ll}]/u.test(line) && !/^[\p{Ll}][.)]\s/u.test(line);
    if (prev !== undefined && starts && !prev.includes('\t') && !line.includes('\t')) {
      const hy = /([\p{L}])-$/u.exec(prev);
      const firstWord = /^[\p{L}]+/u.exec(line)?.[0] ?? '';
      if (hy && !KEEP_HYPHEN.test(firstWord)) {
        out[out.length - 1] = prev.slice(0, -1) + line;
        continue;
      }
      if (/[\p{L}\d,)]$/u.test(prev) && !/:$/.test(prev)) {
        out[out.length - 1] = prev + ' ' + line;
        continue;
      }
    }
    out.push(line);
  }
  // "Sundheds- styregruppen" (a PDF's line-break hyphen left inside a line): one word again.
  return out.join('\n').replace(/([\p{Ll}])- ([\p{Ll}]{3,})/gu, (m, a: string, b: string) => (KEEP_HYPHEN.test(b) ? m : a + b));
}
