// What README shows for Express: the proxy as one route, mounted before any body parser.
import express from 'express';
import type { SignupHandler, SignupHandlerOptions } from '../../../src/server/index.js';
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

// The usual layout of an existing app: body parsers for every route, the proxy's route after them.
// (It takes the handler, so the app's pages can render the form with handler.formDefinition().)
export function createAppWithParsersFirst(handler: SignupHandler) {
  const app = express();
  app.use(express.json());
  app.use(express.urlencoded({ extended: false }));
  app.all('/api/signup', toNodeListener(handler));
  return app;
}

// Middleware that drains the body and keeps nothing of it (a logger reading the stream, say).
export function createAppWithBodyDrained(options: SignupHandlerOptions) {
  const app = express();
  app.use((req, _res, next) => void req.resume().on('end', () => next()));
  app.all('/api/signup', toNodeListener(createSignupHandler(options)));
  return app;
}
