import type { SignupMessages } from '../messages.js';

const sending = 'Beim Senden des Formulars ist etwas schiefgelaufen. Versuchen Sie es erneut.';

/**
 * The built-in German messages (formal "Sie"); `locale="de"` loads them on demand.
 *
 * @example
 * const messages = await loadSignupMessages('de'); // germanMessages
 */
export const germanMessages: SignupMessages = {
  locale: 'de',
  emailLabel: 'E-Mail-Adresse',
  emailHint: '',
  preferencesLegend: 'Worüber möchten Sie informiert werden?',
  preferencesHint: 'Wählen Sie alles aus, was Sie interessiert.',
  optional: '(optional)',
  submit: 'Abonnieren',
  submitting: 'Wird abonniert …',
  loading: 'Anmeldeformular wird geladen …',
  definitionFailed: 'Das Anmeldeformular konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  definitionUnavailable: 'Das Anmeldeformular konnte nicht geladen werden. Versuchen Sie es später erneut.',
  definitionFailedRetryAfter: (wait) => `Das Anmeldeformular konnte nicht geladen werden. Versuchen Sie es in etwa ${wait} erneut.`,
  retry: 'Erneut versuchen',
  subscribedTitle: 'Vielen Dank für Ihre Anmeldung',
  subscribed: (email) => `Wir senden unsere E-Mails an ${email}.`,
  pendingTitle: 'Bitte prüfen Sie Ihr Postfach',
  pendingConfirmation: (email) => `Wenn ${email} unsere E-Mails empfangen kann, finden Sie dort eine Nachricht von uns mit einem Link zur Bestätigung Ihrer Anmeldung. Klicken Sie auf den Link, um die Anmeldung abzuschließen.`,
  queuedConfirmation: (email) => `Wenn ${email} unsere E-Mails empfangen kann, kommt dort eine Nachricht von uns mit einem Link zur Bestätigung Ihrer Anmeldung an; das kann eine Weile dauern. Klicken Sie auf den Link, um die Anmeldung abzuschließen.`,
  errorPrefix: 'Fehler:',
  errorSummaryTitle: 'Es ist ein Problem aufgetreten',
  consentUpdated: 'Aktualisiert',
  fieldRequired: (label) => `Bitte füllen Sie „${label}“ aus`,
  fieldNumber: (label) => `„${label}“ muss eine Zahl sein`,
  fieldConfirm: (label) => `Bitte bestätigen Sie „${label}“`,
  rateLimitedRetryAfter: (wait) => `Zu viele Anmeldungen auf einmal. Versuchen Sie es in etwa ${wait} erneut.`,
  unavailableRetryAfter: (wait) => `Der Newsletter-Dienst antwortet gerade nicht. Ihre Angaben bleiben erhalten: Versuchen Sie es in etwa ${wait} erneut.`,
  errors: {
    invalid_json: sending,
    invalid_request: sending,
    payload_too_large: 'Das Formular ist zu groß zum Senden. Kürzen Sie Ihre Eingaben und versuchen Sie es erneut.',
    unsupported_media_type: sending,
    method_not_allowed: sending,
    not_found: 'Der Anmeldedienst wurde nicht gefunden. Versuchen Sie es später erneut.',
    missing_email: 'Geben Sie Ihre E-Mail-Adresse ein',
    invalid_email: 'Geben Sie eine E-Mail-Adresse im richtigen Format ein, z. B. name@example.com',
    unknown_preference: 'Die Auswahlmöglichkeiten haben sich geändert. Prüfen Sie Ihre Auswahl und melden Sie sich erneut an.',
    unknown_field: 'Dieses Formular hat eine Angabe gesendet, die der Anmeldedienst nicht annimmt. Versuchen Sie es später erneut.',
    invalid_field: 'Prüfen Sie Ihre Angaben',
    missing_field: 'Füllen Sie die Pflichtfelder aus',
    consent_mismatch: 'Die Einwilligungserklärung hat sich geändert. Lesen Sie die aktualisierte Erklärung und melden Sie sich dann erneut an.',
    invalid_page_url: 'Von dieser Seite werden keine Anmeldungen angenommen.',
    origin_not_allowed: 'Von dieser Website werden keine Anmeldungen angenommen.',
    human_check_failed: 'Wir konnten nicht bestätigen, dass ein Mensch dieses Formular gesendet hat. Laden Sie die Seite neu und melden Sie sich dann erneut an.',
    javascript_required: 'Dieses Formular braucht gerade JavaScript. Schalten Sie JavaScript ein und melden Sie sich dann erneut an.',
    rate_limited: 'Zu viele Anmeldungen auf einmal. Warten Sie eine Minute und versuchen Sie es dann erneut.',
    contact_rejected: 'Diese Adresse kann nicht angemeldet werden. Kontaktieren Sie uns, wenn Sie das für einen Fehler halten.',
    upstream_unavailable: 'Der Newsletter-Dienst antwortet gerade nicht. Ihre Angaben bleiben erhalten: Versuchen Sie es gleich noch einmal.',
    upstream_rejected: 'Der Newsletter-Dienst konnte Ihre Anmeldung nicht annehmen. Versuchen Sie es später erneut.',
    network_error: 'Keine Verbindung. Prüfen Sie Ihre Verbindung und versuchen Sie es dann erneut.',
    internal_error: 'Etwas ist schiefgelaufen. Versuchen Sie es später erneut.',
  },
};
