import { makeStyles, tokens } from '@fluentui/react-components';

export const useAppStyles = makeStyles({
  root: {
    display: 'flex', flexDirection: 'column', height: '100%', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1,
    // Narrow (a Teams side panel, a phone): one page that scrolls, not a cramped pane under the forum tree.
    '@media (max-width: 720px)': { height: 'auto', minHeight: '100%' },
  },
  header: {
    display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', flexDirection: 'column', marginRight: 'auto' },
  tagline: { color: tokens.colorNeutralForeground2 },
  body: { display: 'flex', flex: 1, minHeight: 0, '@media (max-width: 720px)': { flexDirection: 'column' } },
  nav: {
    width: '340px', flexShrink: 0, overflowY: 'auto', padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1, borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 720px)': { width: 'auto', maxHeight: '40vh', borderRight: 'none', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  },
  main: {
    flex: 1, overflowY: 'auto', padding: tokens.spacingHorizontalXL, minWidth: 0,
    // A long word (an id, a compound Danish noun) breaks rather than pushing a table cell wider than its column.
    '& td, & th': { overflowWrap: 'anywhere' },
    // A heading's long compound noun ("Klyngestyregruppe") stays whole in a narrow side panel: a smaller size there,
    // hyphenation (lang="da") before breaking the word only as the last resort.
    '& h2': { overflowWrap: 'break-word', hyphens: 'auto' },
    '@media (max-width: 720px)': { overflowY: 'visible', padding: tokens.spacingHorizontalM },
    '@media (max-width: 480px)': { '& h2': { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 } },
  },
  skip: {
    position: 'absolute', left: '-10000px', top: 'auto',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 10, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1 },
  },
  controls: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', minWidth: 0, maxWidth: '100%' },
  navLink: { margin: `0 0 ${tokens.spacingVerticalS}`, fontWeight: tokens.fontWeightSemibold },
  field: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});
