import { describe, expectTypeOf, it } from 'vitest';
import { createSignupHandler, type SignupHandler } from '../../src/server/index.js';

// README exports the handler itself as a Next.js route handler (`export { handler as GET, … }`).
// `next build` type-checks each export against `(request, context: { params: Promise<…> })`,
// so the handler's optional context must take an object of a framework's own. (Checked by
// `npm run typecheck`; the run below shows such a context is also harmless at run time.)
type NextRouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => void | Response | Promise<void | Response>;

describe('SignupHandler as a framework route handler', () => {
  it('type-checks where Next.js expects a route handler, and ignores the context it passes', async ({ expect }) => {
    expectTypeOf<SignupHandler>().toExtend<NextRouteHandler>();
    const handler = createSignupHandler({ apiUser: 'u', apiPassword: 'p', consentText: 'Yes.', fetch: () => Promise.reject(new TypeError('fetch failed')), retry: { budgetMs: 0 } });
    const route: NextRouteHandler = handler;
    const response = await route(new Request('https://www.example.com/api/signup', { method: 'PATCH' }), { params: Promise.resolve({}) });
    expect(response?.status).toBe(405);
  });
});
