/**
 * The parts of a Word document (.docx) that mammoth does not read as a kommissorium needs them, read with a maintained XML
 * parser (@xmldom/xmldom, which mammoth itself uses) instead of patterns over the markup:
 *
 * - Word's own numbers of section headings ('§ 1', '1.'), set on the paragraph or through its paragraph style (a Heading
 *   style linked to a list, as templates number their headings), put back into the paragraphs' text before mammoth reads
 *   the document (`restoreWordNumbering`).
 * - The running headers and footers (word/header*.xml, word/footer*.xml), which mammoth leaves out: what they state as
 *   text (a title, an approval 'Vedtaget af Ældrerådet den 13. februar 2025') is kept, their page furniture (page
 *   numbers, 'Side 1 af 3', file paths, printed dates, case numbers) is not (`readRunningText`).
 *
 * Tracked changes and comments: deleted text (w:del, w:moveFrom) and comments are no part of what either reads; inserted
 * text (w:ins, w:moveTo) is. (mammoth does the same for the body.)
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Parses a part's XML; a part that is not well-formed XML throws (the reader reports the document as unreadable). */
export function parseXml(xml: string): Document {
  return new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (msg: string) => {
        throw new Error(`XML: ${msg}`);
      },
      fatalError: (msg: string) => {
        throw new Error(`XML: ${msg}`);
      },
    },
  }).parseFromString(xml, 'text/xml');
}

const elements = (node: Node): Element[] => Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1);
const isW = (n: Element, name: string) => n.namespaceURI === W && n.localName === name;
const child = (el: Element | undefined, name: string) => (el ? elements(el).find((c) => isW(c, name)) : undefined);
const all = (node: Document | Element, name: string): Element[] => Array.from(node.getElementsByTagNameNS(W, name));
const val = (el: Element | undefined): string | undefined => (el && el.hasAttributeNS(W, 'val') ? el.getAttributeNS(W, 'val') ?? undefined : undefined);

/** Text of a paragraph as shown in Word with changes accepted: no deleted text, no nested paragraphs' (a text box's), no field codes. */
export function paragraphText(p: Element, onField?: (instr: string) => void): string {
  let out = '';
  let fieldDepth = 0;
  let hidden = false;
  const instr: string[] = [];
  const walk = (node: Element) => {
    for (const c of elements(node)) {
      if (c.namespaceURI !== W) {
        walk(c);
        continue;
      }
      const name = c.localName;
      if (name === 'p' || name === 'del' || name === 'moveFrom' || name === 'delText' || name === 'pPr' || name === 'rPr' || name === 'commentReference') continue;
      if (name === 'fldSimple') {
        const code = c.getAttributeNS(W, 'instr') ?? '';
        onField?.(code);
        if (!furnitureField(code)) walk(c);
        continue;
      }
      if (name === 'fldChar') {
        const type = c.getAttributeNS(W, 'fldCharType');
        if (type === 'begin') {
          fieldDepth++;
          instr.length = 0;
        } else if (type === 'separate') {
          const code = instr.join('');
          onField?.(code);
          hidden = furnitureField(code);
        } else if (type === 'end') {
          fieldDepth = Math.max(0, fieldDepth - 1);
          hidden = false;
        }
        continue;
      }
      if (name === 'instrText') {
        instr.push(c.textContent ?? '');
        continue;
      }
      if (name === 't') {
        if (!hidden) out += c.textContent ?? '';
        continue;
      }
      if (name === 'tab') out += '\t';
      else if (name === 'br' || name === 'cr') out += ' ';
      else walk(c);
    }
  };
  walk(p);
  return out;
}

/** Fields whose result is page furniture: page numbers, dates, the file's name, the author. */
const furnitureField = (code: string) => /\b(?:PAGE|NUMPAGES|SECTIONPAGES|DATE|TIME|PRINTDATE|SAVEDATE|CREATEDATE|FILENAME|AUTHOR|LASTSAVEDBY|REVNUM|DOCPROPERTY)\b/.test(code);

type WordLevel = { format: string; text: string; start: number; style?: string };
type WordStyle = { name: string; basedOn?: string; numId?: string; ilvl?: number };

function readStyles(stylesXml: string): Map<string, WordStyle> {
  const styles = new Map<string, WordStyle>();
  if (!stylesXml) return styles;
  for (const st of all(parseXml(stylesXml), 'style')) {
    const id = st.getAttributeNS(W, 'styleId');
    if (!id) continue;
    const numPr = child(child(st, 'pPr'), 'numPr');
    const ilvl = val(child(numPr, 'ilvl'));
    styles.set(id, { name: val(child(st, 'name')) ?? '', basedOn: val(child(st, 'basedOn')), numId: val(child(numPr, 'numId')), ilvl: ilvl === undefined ? undefined : Number(ilvl) });
  }
  return styles;
}

/** Each list (w:num) as its levels, following a list style's link (w:numStyleLink) and the list's own start overrides. */
function readNumbering(numberingXml: string, styles: Map<string, WordStyle>): Map<string, Map<number, WordLevel>> {
  const nums = new Map<string, Map<number, WordLevel>>();
  if (!numberingXml) return nums;
  const doc = parseXml(numberingXml);
  const abstract = new Map<string, { levels: Map<number, WordLevel>; link?: string }>();
  for (const a of all(doc, 'abstractNum')) {
    const levels = new Map<number, WordLevel>();
    for (const l of elements(a).filter((e) => isW(e, 'lvl'))) {
      levels.set(Number(l.getAttributeNS(W, 'ilvl') ?? 0), { format: val(child(l, 'numFmt')) ?? 'decimal', text: val(child(l, 'lvlText')) ?? '', start: Number(val(child(l, 'start')) ?? 1), style: val(child(l, 'pStyle')) });
    }
    abstract.set(a.getAttributeNS(W, 'abstractNumId') ?? '', { levels, link: val(child(a, 'numStyleLink')) });
  }
  const numElements = new Map(all(doc, 'num').map((n) => [n.getAttributeNS(W, 'numId') ?? '', n] as const));
  const resolve = (numId: string, depth = 0): Map<number, WordLevel> | undefined => {
    const n = numElements.get(numId);
    const a = n && abstract.get(val(child(n, 'abstractNumId')) ?? '');
    if (!n || !a) return undefined;
    let levels = a.levels;
    // A list defined by a list style: its levels are those of the list the style points to.
    if (a.link && depth < 3) {
      const linked = styles.get(a.link)?.numId;
      const target = linked && linked !== numId ? resolve(linked, depth + 1) : undefined;
      if (target) levels = target;
    }
    const out = new Map(levels);
    for (const o of elements(n).filter((e) => isW(e, 'lvlOverride'))) {
      const ilvl = Number(o.getAttributeNS(W, 'ilvl') ?? 0);
      const start = val(child(o, 'startOverride'));
      const base = out.get(ilvl);
      if (base && start !== undefined) out.set(ilvl, { ...base, start: Number(start) });
    }
    return out;
  };
  for (const id of numElements.keys()) {
    const levels = resolve(id);
    if (levels) nums.set(id, levels);
  }
  return nums;
}

/**
 * Puts Word's number back into a numbered paragraph's text where the number is part of what the reader sees: a heading
 * numbered by Word ('§ 1 Ældrerådets møder' on a Heading style with the numbering '§ %1'), a numbering whose text is more
 * than the number ('§ %1', 'Stk. %1', 'Bilag %1'), and a numbered paragraph standing alone between ordinary paragraphs (a
 * section heading '1. Sammensætning' in a bold Normal paragraph). The numbering may be set on the paragraph or through its
 * paragraph style (the style, or a style it is based on, carrying w:numPr; a list level naming the style). mammoth drops
 * these numbers (a numbered heading loses its '§ 1', a numbered Normal paragraph becomes a one-item list). The paragraph
 * then carries its label as text and numbering turned off (numId 0); lists of two or more adjacent numbered items, and
 * bullets, are left to mammoth's lists.
 */
export function restoreWordNumbering(documentXml: string, numberingXml: string, stylesXml = ''): string {
  if (!numberingXml) return documentXml;
  const doc = parseXml(documentXml);
  return restoreNumberingIn(doc, numberingXml, stylesXml) ? new XMLSerializer().serializeToString(doc) : documentXml;
}

/** As restoreWordNumbering, on a parsed document; true when it changed it. */
export function restoreNumberingIn(doc: Document, numberingXml: string, stylesXml: string): boolean {
  const styles = readStyles(stylesXml);
  const nums = readNumbering(numberingXml, styles);
  if (!nums.size) return false;
  const HEADING = /^(?:heading|overskrift|title|titel)\b/i;
  const isHeading = (style: string | undefined) => {
    for (let s = style, depth = 0; s && depth < 10; s = styles.get(s)?.basedOn, depth++) {
      if (HEADING.test(styles.get(s)?.name ?? '') || /^(?:heading|overskrift|title|titel)\s*\d*$/i.test(s)) return true;
    }
    return false;
  };
  /** The paragraph's list and level: set on it, else through its style (or a style it is based on). */
  const numberingOf = (p: Element, style: string | undefined): { numId: string; ilvl: number } | undefined => {
    const numPr = child(child(p, 'pPr'), 'numPr');
    const direct = val(child(numPr, 'numId'));
    const directLvl = val(child(numPr, 'ilvl'));
    if (direct !== undefined) {
      if (direct === '0') return undefined;
      const ilvl = directLvl !== undefined ? Number(directLvl) : styles.get(style ?? '')?.ilvl ?? 0;
      return { numId: direct, ilvl };
    }
    for (let s = style, depth = 0; s && depth < 10; s = styles.get(s)?.basedOn, depth++) {
      const st = styles.get(s);
      if (!st?.numId) continue;
      if (st.numId === '0') return undefined;
      const levels = nums.get(st.numId);
      const byStyle = levels ? [...levels.entries()].find(([, l]) => l.style === style)?.[0] : undefined;
      return { numId: st.numId, ilvl: directLvl !== undefined ? Number(directLvl) : st.ilvl ?? byStyle ?? 0 };
    }
    return undefined;
  };
  const body = all(doc, 'body')[0];
  if (!body) return false;
  type Para = { el: Element; numId?: string; ilvl: number; style?: string; text: string; viaStyle: boolean };
  const paras: Para[] = all(body, 'p').map((el) => {
    const style = val(child(child(el, 'pPr'), 'pStyle'));
    const n = numberingOf(el, style);
    const direct = val(child(child(child(el, 'pPr'), 'numPr'), 'numId')) !== undefined;
    return { el, numId: n?.numId, ilvl: n?.ilvl ?? 0, style, text: paragraphText(el), viaStyle: Boolean(n && !direct) };
  });
  const counters = new Map<string, number[]>();
  const filled = paras.filter((p) => p.text.trim() !== '');
  let changed = false;
  for (const p of paras) {
    if (!p.numId || !p.text.trim()) continue;
    const levels = nums.get(p.numId);
    const level = levels?.get(p.ilvl);
    if (!levels || !level) continue;
    const count = counters.get(p.numId) ?? [];
    for (let k = 0; k <= p.ilvl; k++) if (count[k] === undefined) count[k] = (levels.get(k)?.start ?? 1) - (k === p.ilvl ? 1 : 0);
    count[p.ilvl]! += 1;
    count.length = p.ilvl + 1;
    counters.set(p.numId, count);
    if (level.format === 'bullet' || level.format === 'none') continue;
    const label = level.text.replace(/%(\d)/g, (_m, d: string) => formatWordNumber(count[Number(d) - 1] ?? 1, levels.get(Number(d) - 1)?.format ?? 'decimal')).trim();
    const i = filled.indexOf(p);
    const sameList = (q: Para | undefined) => Boolean(q && q.numId === p.numId && q.ilvl === p.ilvl);
    const alone = !sameList(filled[i - 1]) && !sameList(filled[i + 1]);
    const wordy = /[^\s\d.)(\-–:]/u.test(level.text.replace(/%\d/g, ''));
    if (!label || !(isHeading(p.style) || wordy || alone)) continue;
    let pPr = child(p.el, 'pPr');
    if (!pPr) {
      pPr = doc.createElementNS(W, 'w:pPr');
      p.el.insertBefore(pPr, p.el.firstChild);
    }
    // Numbering off on the paragraph (numId 0), so that mammoth does not make it a list item through its style either.
    const old = child(pPr, 'numPr');
    if (old) pPr.removeChild(old);
    if (p.viaStyle || old) {
      const numPr = doc.createElementNS(W, 'w:numPr');
      for (const [name, v] of [['w:ilvl', '0'], ['w:numId', '0']] as const) {
        const e = doc.createElementNS(W, name);
        e.setAttributeNS(W, 'w:val', v);
        numPr.appendChild(e);
      }
      const pStyle = child(pPr, 'pStyle');
      pPr.insertBefore(numPr, pStyle ? pStyle.nextSibling : pPr.firstChild);
    }
    const run = doc.createElementNS(W, 'w:r');
    const t = doc.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(`${label} `));
    run.appendChild(t);
    p.el.insertBefore(run, pPr.nextSibling);
    changed = true;
  }
  return changed;
}

function formatWordNumber(n: number, format: string): string {
  const letters = (k: number) => {
    let s = '';
    for (let x = k; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(97 + ((x - 1) % 26)) + s;
    return s;
  };
  const roman = (k: number) => {
    const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
    let s = '';
    let x = k;
    for (const [v, r] of table) while (x >= v) { s += r; x -= v; }
    return s;
  };
  if (format === 'lowerLetter') return letters(n);
  if (format === 'upperLetter') return letters(n).toUpperCase();
  if (format === 'lowerRoman') return roman(n);
  if (format === 'upperRoman') return roman(n).toUpperCase();
  return String(n);
}

/** What the running headers and footers state: a title naming the forum or the document, and lines stating a fact (an approval). */
export type RunningText = { title?: string; facts: string[] };

/** A part of a header line between separators (' · ', ' | ', tabs). */
const PIECES = /\s+[·|•–—]\s+|\s*\t+\s*|\s{3,}/u;
const MONTHS = '(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\.?';
/** Page furniture: page numbers, a file's path or name, a date standing alone or as when printed or saved, case and version numbers, initials. */
const FURNITURE = new RegExp(
  [
    '^(?:side|page|s\\.)\\s*(?:\\d+)?(?:\\s*(?:af|of|/)\\s*(?:\\d+)?)?$',
    '^\\d+(?:\\s*(?:af|/|of)\\s*\\d+)?$',
    '[\\\\/]|\\.(?:docx?|dotx?|pdf|odt)$',
    `^(?:den\\s+)?\\d{1,2}\\.?\\s*${MONTHS}\\s+\\d{4}$`,
    `^${MONTHS}\\s+\\d{4}$`,
    '^\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}$',
    '^\\d{4}-\\d{2}-\\d{2}$',
    '^(?:udskrevet|printet|gemt|oprettet|dato|date|dok(?:ument)?\\.?\\s*nr|dokumentnr|sags?\\.?\\s*nr|sagsnummer|j\\.?\\s*nr|journalnr|version|ver\\.|init(?:ialer)?|ref\\.?|reference|klassifikation|fortroligt)\\b',
    '^[A-ZÆØÅ]{2,5}$',
  ].join('|'),
  'iu',
);
/** A piece stating an approval or when the terms apply: kept as a line of the document. */
const FACT = /^(?:godkendt|vedtaget|revideret|senest\s+revideret|opdateret|gældende\s+fra|trådt\s+i\s+kraft|træder\s+i\s+kraft|ikrafttræden)\b/iu;
/** A piece naming a forum or a document of the genre: a title. */
const TITLE_WORD = /(?:kommissorium|forretningsorden|vedtægt|råd(?:et)?|udvalg(?:et)?|forum(?:met)?|gruppe[n]?|klynge[n]?|netværk(?:et)?|samarbejde[t]?|bestyrelse[n]?|panel(?:et)?|komité(?:en)?|kommission(?:en)?)(?![\p{L}])/iu;

/**
 * Reads the running headers and footers of a .docx from its parts (first-page headers first, then default and even ones, in
 * the order the sections name them). A header's title (a piece naming a forum or a document, no digits) and fact lines
 * (an approval, 'Gældende fra ...') are kept; footers give only fact lines. Page furniture goes.
 */
export function readRunningText(documentXml: string, relsXml: string, part: (path: string) => string | undefined): RunningText {
  const doc = parseXml(documentXml);
  const targets = new Map<string, string>();
  if (relsXml) {
    for (const rel of Array.from(parseXml(relsXml).getElementsByTagName('Relationship'))) targets.set(rel.getAttribute('Id') ?? '', rel.getAttribute('Target') ?? '');
  }
  const refs: { kind: 'header' | 'footer'; type: string; target: string }[] = [];
  for (const sect of all(doc, 'sectPr')) {
    for (const ref of elements(sect).filter((e) => isW(e, 'headerReference') || isW(e, 'footerReference'))) {
      const target = targets.get(ref.getAttributeNS(R, 'id') ?? '');
      if (target) refs.push({ kind: ref.localName === 'headerReference' ? 'header' : 'footer', type: ref.getAttributeNS(W, 'type') ?? 'default', target });
    }
  }
  const order = { first: 0, default: 1, even: 2 } as Record<string, number>;
  refs.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'header' ? -1 : 1) || (order[a.type] ?? 3) - (order[b.type] ?? 3));
  const seen = new Set<string>();
  const out: RunningText = { facts: [] };
  for (const ref of refs) {
    const path = ref.target.replace(/^\/?(?:word\/)?/, 'word/');
    if (seen.has(path)) continue;
    seen.add(path);
    const xml = part(path);
    if (!xml) continue;
    for (const p of all(parseXml(xml), 'p')) {
      const line = paragraphText(p).replace(/\u00a0/g, ' ').trim();
      if (!line) continue;
      for (const raw of line.split(PIECES)) {
        const piece = raw.replace(/\s+/g, ' ').trim();
        if (!piece || FURNITURE.test(piece)) continue;
        if (FACT.test(piece)) {
          if (!out.facts.includes(piece)) out.facts.push(piece);
        } else if (ref.kind === 'header' && !out.title && !/\d/.test(piece) && TITLE_WORD.test(piece) && piece.split(' ').length <= 12) {
          out.title = piece;
        }
      }
    }
  }
  return out;
}
