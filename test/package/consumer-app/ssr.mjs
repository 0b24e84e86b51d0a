// Server rendering with the tarball's React entry: importing it must not touch `window`.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { SignupForm } from 'dotdigital-signup';
import { createSignupClient } from 'dotdigital-signup/core';

console.log(JSON.stringify({ html: renderToString(createElement(SignupForm, { endpoint: '/api/signup' })), client: typeof createSignupClient }));
