import { makeStyles, tokens } from '@fluentui/react-components';

export const useForumYearStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL, maxWidth: '70rem', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  /** Wide tables scroll inside themselves in a narrow side panel instead of widening the page. */
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  /** ... and keep a width at which names and places break between words, not inside them (Teams mobile, 375 px). */
  wideTable: { minWidth: '40rem', tableLayout: 'auto', '& tbody td, & thead th': { overflowWrap: 'break-word' } },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  meta: { color: tokens.colorNeutralForeground2 },
  month: { marginTop: tokens.spacingVerticalS },
  duty: { display: 'grid', gridTemplateColumns: '9rem 1fr', gap: tokens.spacingHorizontalM, padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  planCard: { padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // The proposal's inputs fill their cells and no wider: an Input keeps its own minimum width, and with a place filled
  // in it ran over the next column's checkbox. The table as a whole scrolls sideways when the pane is too narrow.
  planTable: { minWidth: '44rem', '& .fui-Input': { width: '100%', minWidth: 0 }, '& .fui-Input__input': { minWidth: 0, textOverflow: 'ellipsis' } },
  small: { fontSize: tokens.fontSizeBase200 },
});
