import type { SignupMessages } from '../core/messages.js';

// Stand-ins for what only the definition tells: a category of two choices and one more (one
// line each, so one word does), and a consent statement of 150 characters, as most are (the
// default of `dotdigital-signup serve` is; its first sentence, repeated, wraps as it does).
// Each bar is that text, transparent on a grey background, so it wraps exactly as the real
// text would at whatever width the form has. The text is CSS generated content, so it is not
// in the page's text: not found by search, copy or a test's getByText.
const CHOICE = 'Newsletters';
const CONSENT = 'Yes, please email me news and offers. '.repeat(4);

/**
 * Shown while the form definition loads: the form's own elements and classes with grey bars
 * for text — the real label, legend and hint, stand-ins for the rest. Every line has the
 * height of the line it stands for, so a typical form appears without moving the page.
 * `--dd-loading-height` reserves an exact height instead.
 *
 * @example
 * {state === 'loading' ? <LoadingPlaceholder messages={englishMessages} /> : null}
 */
export function LoadingPlaceholder({ messages }: { messages: SignupMessages }) {
  const bar = (text: string) => <span className="dd-signup__bone" data-bone={text} />;
  const choice = (
    <div className="dd-signup__checkbox">
      <span className="dd-signup__checkbox-input dd-signup__bone-box" />
      <span className="dd-signup__checkbox-label">{bar(CHOICE)}</span>
    </div>
  );
  return (
    <div className="dd-signup__placeholder" aria-busy="true">
      <span className="dd-signup__visually-hidden">{messages.loading}</span>
      <div className="dd-signup__skeleton" aria-hidden="true">
        <div className="dd-signup__field">
          <span className="dd-signup__label">{bar(messages.emailLabel)}</span>
          <span className="dd-signup__input dd-signup__bone-box" />
        </div>
        <fieldset className="dd-signup__fieldset">
          <legend className="dd-signup__legend">{bar(messages.preferencesLegend)}</legend>
          {messages.preferencesHint ? <p className="dd-signup__hint">{bar(messages.preferencesHint)}</p> : null}
          <div className="dd-signup__choices">
            <fieldset className="dd-signup__fieldset dd-signup__fieldset--category">
              <legend className="dd-signup__legend dd-signup__legend--category">{bar(CHOICE)}</legend>
              {choice}
              {choice}
            </fieldset>
            {choice}
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
