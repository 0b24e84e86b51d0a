// Stand-in words: the bars are this text in a transparent colour on a grey background, so
// they wrap exactly as real text of that length would at whatever width the form has.
const words = (lengths: number[]) => lengths.map((n) => 'n'.repeat(n)).join(' ');
const LABEL = words([5, 7]);
const LEGEND = words([4, 5, 3, 4, 2, 4, 5]);
const HINT = words([6, 3, 4, 8, 3]);
const CATEGORY = words([11]);
const CHOICES = [words([6, 10]), words([7, 7]), words([6, 4, 3])];
// A consent statement of about 150 characters, as most are.
const CONSENT = words([3, 6, 5, 2, 4, 3, 7, 1, 3, 11, 2, 3, 4, 5, 3, 4, 2, 5, 6, 3, 3, 7, 6, 3, 3, 2, 3, 5, 4]);

/**
 * Shown while the form definition loads: the form's own elements and classes with grey
 * bars for text, a category of two choices and one more, and a consent statement of about
 * 150 characters. Every line has the height of the line it stands for, so a typical form
 * appears without moving the page. `--dd-loading-height` reserves an exact height instead.
 *
 * @example
 * {state === 'loading' ? <LoadingPlaceholder label="Loading the signup form…" /> : null}
 */
export function LoadingPlaceholder({ label }: { label: string }) {
  const bar = (text: string) => <span className="dd-signup__bone">{text}</span>;
  const choice = (text: string) => (
    <div className="dd-signup__checkbox" key={text}>
      <span className="dd-signup__checkbox-input dd-signup__bone-box" />
      <span className="dd-signup__checkbox-label">{bar(text)}</span>
    </div>
  );
  return (
    <div className="dd-signup__placeholder" aria-busy="true">
      <span className="dd-signup__visually-hidden">{label}</span>
      <div className="dd-signup__skeleton" aria-hidden="true">
        <div className="dd-signup__field">
          <span className="dd-signup__label">{bar(LABEL)}</span>
          <span className="dd-signup__input dd-signup__bone-box" />
        </div>
        <fieldset className="dd-signup__fieldset">
          <legend className="dd-signup__legend">{bar(LEGEND)}</legend>
          <p className="dd-signup__hint">{bar(HINT)}</p>
          <div className="dd-signup__choices">
            <fieldset className="dd-signup__fieldset dd-signup__fieldset--category">
              <legend className="dd-signup__legend dd-signup__legend--category">{bar(CATEGORY)}</legend>
              {choice(CHOICES[0]!)}
              {choice(CHOICES[1]!)}
            </fieldset>
            {choice(CHOICES[2]!)}
          </div>
        </fieldset>
        <div className="dd-signup__consent">
          <p className="dd-signup__consent-text">{bar(CONSENT)}</p>
        </div>
        <span className="dd-signup__button dd-signup__bone-box">{'\u00a0'}</span>
      </div>
    </div>
  );
}
