// What README shows under "Messages and languages" (environment variables read here, in the adapter):
// app/api/signup/route.ts: one proxy for a site in English, German and French.
import { createSignupHandler } from '../../../src/server/index.js';

const handler = createSignupHandler({
  apiUser: process.env.DOTDIGITAL_API_USER!,
  apiPassword: process.env.DOTDIGITAL_API_PASSWORD!,
  ...(process.env.DOTDIGITAL_API_URL ? { apiUrl: process.env.DOTDIGITAL_API_URL } : {}),
  consentText: {
    en: 'Yes, send me the monthly newsletter. I can unsubscribe at any time.',
    de: 'Ja, senden Sie mir den monatlichen Newsletter. Ich kann ihn jederzeit abbestellen.',
    fr: 'Oui, envoyez-moi la lettre mensuelle. Je peux me désabonner à tout moment.',
  },
  // By Dotdigital's preference and category ids; one left out shows Dotdigital's name.
  preferenceLabels: {
    de: { 1: 'Newsletter', 2: 'Wöchentlicher Newsletter', 5: 'Veranstaltungen in Ihrer Nähe' },
    fr: { 1: 'Lettres d’information', 2: 'Lettre hebdomadaire', 5: 'Événements près de chez vous' },
  },
  fields: [{ name: 'FIRSTNAME', label: { en: 'First name', de: 'Vorname', fr: 'Prénom' } }],
  allowedOrigins: ['https://www.example.com'],
});

export { handler as GET, handler as HEAD, handler as POST, handler as OPTIONS };
