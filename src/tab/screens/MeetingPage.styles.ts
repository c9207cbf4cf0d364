import { makeStyles, tokens } from '@fluentui/react-components';

export const useMeetingStyles = makeStyles({
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalM },
  h3: { margin: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  section: { marginTop: tokens.spacingVerticalL, maxWidth: '72rem', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  timeline: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(8.5rem, 1fr))', gap: tokens.spacingHorizontalS },
  // A card is at least 8.5rem wide and its text has 8.5rem less 2 × spacingHorizontalS and the border: room for the
  // longest word of the timeline ("bemærkninger", "Offentliggjort") in semibold, so no normal Danish or English word is
  // split mid-word at any width (test/e2e/timeline-words.e2e.spec.ts). Hyphenation (lang="da") and breaking a word
  // are only the last resort for a token longer than a card (a long URL, an id).
  step: {
    display: 'flex', flexDirection: 'column', overflowWrap: 'break-word', hyphens: 'auto', gap: tokens.spacingVerticalXXS, minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1,
  },
  stepPassed: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  stepOverdue: { border: `2px solid ${tokens.colorPaletteRedBorder2}`, backgroundColor: tokens.colorPaletteRedBackground1 },
  stepNext: { border: `2px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  items: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid', gridTemplateColumns: '2.5rem 1fr auto', gap: tokens.spacingHorizontalM, alignItems: 'start',
    padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1,
  },
  dragging: { opacity: 0.5 },
  // A badge with a sentence in it ("Dagsordenen er sendt 29. oktober 2026 kl. 09.00.") grows with its text when it wraps
  // in a narrow panel, instead of its lines spilling over the badge's fixed height.
  longBadge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', paddingTop: '1px', paddingBottom: '1px' },
  dropTarget: { border: `2px dashed ${tokens.colorBrandStroke1}` },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  itemBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  arrow: { minWidth: '2.5rem' },
  itemActions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', justifyContent: 'flex-end' },
  recs: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  // A field in a bar never grows past the pane: a Select is as wide as its longest option by default, which at a
  // phone's width (360 px) reached past the edge ("Standard: forummets sekretær (Nina Hald)").
  bar: {
    display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap',
    '& > .fui-Field': { minWidth: 0, maxWidth: '100%' },
    '& .fui-Select': { maxWidth: '100%', minWidth: 0 },
    '& .fui-Select__select': { minWidth: 0, textOverflow: 'ellipsis' },
  },
  tabs: { flexWrap: 'wrap' },
  form: {
    display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(16rem, 100%), 1fr))', gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalL, '& > *': { minWidth: 0 },
    // A select as wide as its longest option (a forum's full name) must not push out of a narrow card.
    '& .fui-Select, & select': { minWidth: 0, maxWidth: '100%' },
  },
  wide: { gridColumn: '1 / -1' },
  card: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  minuteRow: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});
