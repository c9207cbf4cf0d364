/** Styles of the version history, the audit log, the referent and the attachments (bilag). */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useWorkflowStyles = makeStyles({
  table: { width: '100%' },
  links: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  pager: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  attachments: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  attachmentList: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  dropZone: {
    display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap',
    padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium,
    border: `1px dashed ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  fileInput: { display: 'none' },
  hint: { color: tokens.colorNeutralForeground2 },
  breakable: { overflowWrap: 'anywhere' },
  /** A wide table scrolls inside its own focusable box in a narrow side panel, not the whole page. */
  scroller: { overflowX: 'auto', maxWidth: '100%', marginTop: tokens.spacingVerticalS },
  wide: { minWidth: '42rem' }, // on a div: min-width on a table itself is not defined by CSS
});
