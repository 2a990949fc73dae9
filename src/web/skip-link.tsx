/**
 * The first thing a keyboard user reaches: jumps past the banner and navigation to the page's content
 * (main has tabindex="-1", so the browser moves focus there too).
 */
export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}
