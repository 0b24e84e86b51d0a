import type { SignupMessages } from '../messages.js';

const sending = 'Algo ha fallado al enviar el formulario. Inténtelo de nuevo.';

/**
 * The built-in Spanish messages (formal "usted"); `locale="es"` loads them on demand.
 *
 * @example
 * const messages = await loadSignupMessages('es'); // spanishMessages
 */
export const spanishMessages: SignupMessages = {
  locale: 'es',
  emailLabel: 'Correo electrónico',
  emailHint: '',
  preferencesLegend: '¿Sobre qué temas quiere recibir información?',
  preferencesHint: 'Elija todos los que le interesen.',
  optional: '(opcional)',
  submit: 'Suscribirse',
  submitting: 'Suscribiendo…',
  loading: 'Cargando el formulario de suscripción…',
  definitionFailed: 'No se ha podido cargar el formulario de suscripción. Compruebe su conexión e inténtelo de nuevo.',
  definitionUnavailable: 'No se ha podido cargar el formulario de suscripción. Inténtelo más tarde.',
  definitionFailedRetryAfter: (wait) => `No se ha podido cargar el formulario de suscripción. Inténtelo de nuevo en aproximadamente ${wait}.`,
  retry: 'Intentar de nuevo',
  subscribedTitle: 'Gracias por suscribirse',
  subscribed: (email) => `Enviaremos nuestros correos a ${email}.`,
  pendingTitle: 'Revise su bandeja de entrada',
  pendingConfirmation: (email) => `Si ${email} puede recibir nuestros correos, encontrará allí un mensaje nuestro con un enlace para confirmar su suscripción. Haga clic en el enlace para completar la suscripción.`,
  queuedConfirmation: (email) => `Si ${email} puede recibir nuestros correos, allí le llegará un mensaje nuestro con un enlace para confirmar su suscripción; puede tardar un poco. Haga clic en el enlace para completar la suscripción.`,
  errorPrefix: 'Error:',
  errorSummaryTitle: 'Hay un problema',
  consentUpdated: 'Actualizado',
  fieldRequired: (label) => `Rellene el campo «${label}»`,
  fieldNumber: (label) => `El campo «${label}» debe ser un número`,
  fieldConfirm: (label) => `Marque la casilla «${label}»`,
  rateLimitedRetryAfter: (wait) => `Demasiadas suscripciones a la vez. Inténtelo de nuevo en aproximadamente ${wait}.`,
  unavailableRetryAfter: (wait) => `El servicio de newsletter no responde en este momento. Sus datos siguen aquí: inténtelo de nuevo en aproximadamente ${wait}.`,
  errors: {
    invalid_json: sending,
    invalid_request: sending,
    payload_too_large: 'El formulario es demasiado grande para enviarlo. Acorte lo que ha escrito e inténtelo de nuevo.',
    unsupported_media_type: sending,
    method_not_allowed: sending,
    not_found: 'No se ha encontrado el servicio de suscripción. Inténtelo más tarde.',
    missing_email: 'Introduzca su dirección de correo electrónico',
    invalid_email: 'Introduzca una dirección de correo con el formato correcto, como nombre@example.com',
    unknown_preference: 'Las opciones de este formulario han cambiado. Revíselas y vuelva a suscribirse.',
    unknown_field: 'Este formulario ha enviado un dato que el servicio de suscripción no acepta. Inténtelo más tarde.',
    invalid_field: 'Revise los datos introducidos',
    missing_field: 'Rellene los campos obligatorios',
    consent_mismatch: 'La declaración de consentimiento ha cambiado. Lea la versión actualizada y vuelva a suscribirse.',
    invalid_page_url: 'No se aceptan suscripciones desde esta página.',
    origin_not_allowed: 'No se aceptan suscripciones desde este sitio web.',
    human_check_failed: 'No hemos podido confirmar que una persona envió este formulario. Vuelva a cargar la página y suscríbase de nuevo.',
    javascript_required: 'Ahora mismo este formulario necesita JavaScript. Active JavaScript y suscríbase de nuevo.',
    rate_limited: 'Demasiadas suscripciones a la vez. Espere un minuto e inténtelo de nuevo.',
    contact_rejected: 'Esta dirección no se puede suscribir. Póngase en contacto con nosotros si cree que es un error.',
    upstream_unavailable: 'El servicio de newsletter no responde en este momento. Sus datos siguen aquí: inténtelo de nuevo en un momento.',
    upstream_rejected: 'El servicio de newsletter no ha podido registrar su suscripción. Inténtelo más tarde.',
    network_error: 'No se ha podido conectar. Compruebe su conexión e inténtelo de nuevo.',
    internal_error: 'Algo ha fallado. Inténtelo más tarde.',
  },
};
