// What README shows for Express: the proxy as one route, mounted before any body parser.
import express from 'express';
import type { SignupHandlerOptions } from '../../../src/server/index.js';
import { createSignupHandler } from '../../../src/server/index.js';
import { toNodeListener } from '../../../src/server/node/index.js';

export function createApp(options: SignupHandlerOptions) {
  const app = express();
  app.all('/api/signup', toNodeListener(createSignupHandler(options)));
  app.use(express.json()); // the rest of your app; after the proxy's route, so it never eats the signup body
  app.post('/api/other', (req, res) => {
    res.json({ got: req.body });
  });
  return app;
}
