// The ids /ssr.html's server (render-ssr-page.tsx) and its hydrating bundle (ssr-demo.tsx) share,
// apart from either so the bundle does not pull in react-dom/server.

/** The id of the JSON script the hydrating bundle reads the definition from. */
export const SSR_DEFINITION_ID = 'signup-definition';

/** The form's own id (React 18 and 19 would each make up another): the fragment a post without JavaScript comes back to. */
export const SSR_FORM_ID = 'newsletter';
