import {
  type CSSVariablesResolver,
  createTheme,
  defaultCssVariablesResolver,
  InputWrapper,
  type MantineColorsTuple,
} from '@mantine/core';

/** A calm deep teal; shade 7 carries white text at 6:1, shade 8 at 7.7:1. */
const caseload: MantineColorsTuple = [
  '#e8f3f6',
  '#d3e6ec',
  '#a7ccd8',
  '#78b1c3',
  '#5199b1',
  '#3a89a4',
  '#2c7c99',
  '#1f6b86',
  '#155a72',
  '#0b4a5f',
];

/** Light, dense and plain: system fonts, small radii, sm-sized controls, visible focus everywhere. */
export const theme = createTheme({
  colors: { caseload },
  primaryColor: 'caseload',
  primaryShade: 7,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace:
    'ui-monospace, "SFMono-Regular", "Cascadia Mono", "DejaVu Sans Mono", Menlo, monospace',
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  headings: {
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.625rem', lineHeight: '1.25' },
      h2: { fontSize: '1.25rem', lineHeight: '1.3' },
    },
  },
  components: {
    // Every field we ask for is needed: an asterisk on each would be noise (`required` still tells assistive tech).
    InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
  },
});

/**
 * Mantine's defaults put some text colours under WCAG AA contrast on white (dimmed gray-6 3.3:1, error
 * red-6 3.3:1); these keep every text colour at 4.5:1 or more and input borders at 3:1 or more.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const base = defaultCssVariablesResolver(t);
  return {
    ...base,
    light: {
      ...base.light,
      '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
      '--mantine-color-error': 'var(--mantine-color-red-9)',
      '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
      '--mantine-color-default-border': 'var(--mantine-color-gray-6)',
      '--mantine-color-anchor': 'var(--mantine-color-caseload-8)',
    },
  };
};
