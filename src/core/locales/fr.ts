import type { SignupMessages } from '../messages.js';

// French typography: a no-break space before ":" and inside « guillemets ».
const sending = 'Un problème est survenu lors de l’envoi du formulaire. Réessayez.';

/**
 * The built-in French messages (« vous »); `locale="fr"` loads them on demand.
 *
 * @example
 * const messages = await loadSignupMessages('fr'); // frenchMessages
 */
export const frenchMessages: SignupMessages = {
  locale: 'fr',
  emailLabel: 'Adresse e-mail',
  emailHint: '',
  preferencesLegend: 'Quels sujets vous intéressent\u00a0?',
  preferencesHint: 'Choisissez tous ceux qui vous intéressent.',
  optional: '(facultatif)',
  submit: 'S’abonner',
  submitting: 'Abonnement en cours…',
  loading: 'Chargement du formulaire d’inscription…',
  definitionFailed: 'Le formulaire d’inscription n’a pas pu être chargé. Vérifiez votre connexion, puis réessayez.',
  definitionUnavailable: 'Le formulaire d’inscription n’a pas pu être chargé. Réessayez plus tard.',
  definitionFailedRetryAfter: (wait) => `Le formulaire d’inscription n’a pas pu être chargé. Réessayez dans environ ${wait}.`,
  retry: 'Réessayer',
  subscribedTitle: 'Merci pour votre inscription',
  subscribed: (email) => `Nous enverrons nos e-mails à ${email}.`,
  pendingTitle: 'Consultez votre boîte de réception',
  pendingConfirmation: (email) => `Si ${email} peut recevoir nos e-mails, vous y trouverez un message de notre part avec un lien pour confirmer votre inscription. Cliquez sur ce lien pour finaliser votre inscription.`,
  queuedConfirmation: (email) => `Si ${email} peut recevoir nos e-mails, un message de notre part avec un lien pour confirmer votre inscription y arrivera ; cela peut prendre un moment. Cliquez sur ce lien pour finaliser votre inscription.`,
  errorPrefix: 'Erreur\u00a0:',
  errorSummaryTitle: 'Un problème est survenu',
  consentUpdated: 'Mis à jour',
  fieldRequired: (label) => `Renseignez le champ «\u00a0${label}\u00a0»`,
  fieldNumber: (label) => `Le champ «\u00a0${label}\u00a0» doit être un nombre`,
  fieldConfirm: (label) => `Cochez la case «\u00a0${label}\u00a0»`,
  rateLimitedRetryAfter: (wait) => `Trop d’inscriptions en même temps. Réessayez dans environ ${wait}.`,
  unavailableRetryAfter: (wait) => `Le service de newsletter ne répond pas pour le moment. Vos informations sont conservées\u00a0: réessayez dans environ ${wait}.`,
  errors: {
    invalid_json: sending,
    invalid_request: sending,
    payload_too_large: 'Le formulaire est trop volumineux pour être envoyé. Raccourcissez votre saisie, puis réessayez.',
    unsupported_media_type: sending,
    method_not_allowed: sending,
    not_found: 'Le service d’inscription est introuvable. Réessayez plus tard.',
    missing_email: 'Saisissez votre adresse e-mail',
    invalid_email: 'Saisissez une adresse e-mail au bon format, par exemple nom@example.com',
    unknown_preference: 'Les choix proposés ont changé. Vérifiez-les, puis abonnez-vous à nouveau.',
    unknown_field: 'Ce formulaire a envoyé une information que le service d’inscription n’accepte pas. Réessayez plus tard.',
    invalid_field: 'Vérifiez les informations saisies',
    missing_field: 'Remplissez les champs obligatoires',
    consent_mismatch: 'La déclaration de consentement a changé. Lisez la nouvelle version, puis abonnez-vous à nouveau.',
    invalid_page_url: 'Les inscriptions ne sont pas acceptées depuis cette page.',
    origin_not_allowed: 'Les inscriptions ne sont pas acceptées depuis ce site.',
    human_check_failed: 'Nous n’avons pas pu confirmer qu’une personne a envoyé ce formulaire. Rechargez la page, puis inscrivez-vous de nouveau.',
    javascript_required: 'Ce formulaire a besoin de JavaScript pour le moment. Activez JavaScript, puis inscrivez-vous de nouveau.',
    rate_limited: 'Trop d’inscriptions en même temps. Patientez une minute, puis réessayez.',
    contact_rejected: 'Cette adresse ne peut pas être abonnée. Contactez-nous si vous pensez qu’il s’agit d’une erreur.',
    upstream_unavailable: 'Le service de newsletter ne répond pas pour le moment. Vos informations sont conservées\u00a0: réessayez dans un instant.',
    upstream_rejected: 'Le service de newsletter n’a pas pu enregistrer votre inscription. Réessayez plus tard.',
    network_error: 'Connexion impossible. Vérifiez votre connexion, puis réessayez.',
    internal_error: 'Un problème est survenu. Réessayez plus tard.',
  },
};
