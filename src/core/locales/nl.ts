import type { SignupMessages } from '../messages.js';

const sending = 'Er ging iets mis bij het versturen van het formulier. Probeer het opnieuw.';

/**
 * The built-in Dutch messages (informal "je", as most Dutch newsletters write);
 * `locale="nl"` loads them on demand.
 *
 * @example
 * const messages = await loadSignupMessages('nl'); // dutchMessages
 */
export const dutchMessages: SignupMessages = {
  locale: 'nl',
  emailLabel: 'E-mailadres',
  emailHint: '',
  preferencesLegend: 'Waarover wil je iets horen?',
  preferencesHint: 'Kies alles wat je interesseert.',
  optional: '(optioneel)',
  submit: 'Inschrijven',
  submitting: 'Bezig met inschrijven…',
  loading: 'Inschrijfformulier laden…',
  definitionFailed: 'Het inschrijfformulier kon niet worden geladen. Controleer je verbinding en probeer het opnieuw.',
  definitionUnavailable: 'Het inschrijfformulier kon niet worden geladen. Probeer het later opnieuw.',
  definitionFailedRetryAfter: (wait) => `Het inschrijfformulier kon niet worden geladen. Probeer het over ongeveer ${wait} opnieuw.`,
  retry: 'Opnieuw proberen',
  subscribedTitle: 'Bedankt voor je inschrijving',
  subscribed: (email) => `We sturen onze e-mails naar ${email}.`,
  pendingTitle: 'Kijk in je inbox',
  pendingConfirmation: (email) => `Als ${email} onze e-mails kan ontvangen, vind je daar een bericht van ons met een link om je inschrijving te bevestigen. Klik op de link om je inschrijving af te ronden.`,
  queuedConfirmation: (email) => `Als ${email} onze e-mails kan ontvangen, komt daar een bericht van ons binnen met een link om je inschrijving te bevestigen; dat kan even duren. Klik op de link om je inschrijving af te ronden.`,
  errorPrefix: 'Fout:',
  errorSummaryTitle: 'Er is een probleem',
  consentUpdated: 'Bijgewerkt',
  fieldRequired: (label) => `Vul ‘${label}’ in`,
  fieldNumber: (label) => `‘${label}’ moet een getal zijn`,
  fieldConfirm: (label) => `Vink ‘${label}’ aan`,
  rateLimitedRetryAfter: (wait) => `Te veel inschrijvingen tegelijk. Probeer het over ongeveer ${wait} opnieuw.`,
  unavailableRetryAfter: (wait) => `De nieuwsbriefservice reageert op dit moment niet. Je gegevens staan er nog: probeer het over ongeveer ${wait} opnieuw.`,
  errors: {
    invalid_json: sending,
    invalid_request: sending,
    payload_too_large: 'Het formulier is te groot om te versturen. Maak je invoer korter en probeer het opnieuw.',
    unsupported_media_type: sending,
    method_not_allowed: sending,
    not_found: 'De inschrijfservice is niet gevonden. Probeer het later opnieuw.',
    missing_email: 'Vul je e-mailadres in',
    invalid_email: 'Vul een e-mailadres in het juiste formaat in, zoals naam@example.com',
    unknown_preference: 'De keuzes in dit formulier zijn gewijzigd. Controleer ze en schrijf je opnieuw in.',
    unknown_field: 'Dit formulier stuurde een gegeven dat de inschrijfservice niet accepteert. Probeer het later opnieuw.',
    invalid_field: 'Controleer de gegevens die je hebt ingevuld',
    missing_field: 'Vul de verplichte velden in',
    consent_mismatch: 'De toestemmingstekst is gewijzigd. Lees de nieuwe tekst en schrijf je daarna opnieuw in.',
    invalid_page_url: 'Inschrijvingen via deze pagina worden niet geaccepteerd.',
    origin_not_allowed: 'Inschrijvingen via deze website worden niet geaccepteerd.',
    human_check_failed: 'We konden niet bevestigen dat een persoon dit formulier heeft verstuurd. Laad de pagina opnieuw en schrijf u dan opnieuw in.',
    javascript_required: 'Dit formulier heeft nu JavaScript nodig. Zet JavaScript aan en schrijf u dan opnieuw in.',
    rate_limited: 'Te veel inschrijvingen tegelijk. Wacht een minuut en probeer het dan opnieuw.',
    contact_rejected: 'Dit adres kan niet worden ingeschreven. Neem contact met ons op als je denkt dat dit niet klopt.',
    upstream_unavailable: 'De nieuwsbriefservice reageert op dit moment niet. Je gegevens staan er nog: probeer het zo opnieuw.',
    upstream_rejected: 'De nieuwsbriefservice kon je inschrijving niet verwerken. Probeer het later opnieuw.',
    network_error: 'Geen verbinding. Controleer je verbinding en probeer het opnieuw.',
    internal_error: 'Er ging iets mis. Probeer het later opnieuw.',
  },
};
