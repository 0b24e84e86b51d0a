// An Express app with the proxy on one route, exactly as README shows it, with the
// package's imports swapped for the source.
import express from 'express';
import { createSignupHandler } from '../../../src/server/index.js';
import { toNodeListener } from '../../../src/server/node/index.js';

export function createApp(env: Record<string, string | undefined>) {
  const signup = createSignupHandler({
    apiUser: env.DOTDIGITAL_API_USER!,
    apiPassword: env.DOTDIGITAL_API_PASSWORD!,
    apiUrl: env.DOTDIGITAL_API_URL!,
    consentText: 'Yes, send me the monthly newsletter. I can unsubscribe at any time.',
    allowedOrigins: ['https://www.example.com'],
  });
  const app = express();
  // Mount it before any body parser: the proxy reads (and size-limits) the body itself.
  app.all('/api/signup', toNodeListener(signup));
  app.use(express.json());
  app.post('/api/other', (req, res) => {
    res.json({ echo: req.body });
  });
  return app;
}
