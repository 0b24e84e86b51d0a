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
    const handler = createSignupHandler({ apiUser: 'u', apiPassword: 'p', consentText: 'Yes.', fetch: () => Promise.reject(new TypeError('fetch failed')), retry: { budgetMs: 0 }, logger: false });
    const route: NextRouteHandler = handler;
    const response = await route(new Request('https://www.example.com/api/signup', { method: 'PATCH' }), { params: Promise.resolve({}) });
    expect(response?.status).toBe(405);
  });
});

// The two checks `next build` runs on app/api/signup/route.ts, reproduced here so `npm run typecheck`
// fails in seconds (test/package/next-app.test.ts runs the real `next build`, with both bundlers, in
// about a minute). Both are copied from Next.js 16's generators with only the names they import
// stubbed: typecheck fails if README's route module (test/server/adapters/next-route.ts, the exact
// export README shows) would fail either one.
//
// 1. webpack (`next build --webpack`): next-types-plugin writes .next/types/app/api/signup/route.ts,
//    which checks the *declared* second parameter is assignable to Next's context. An optional
//    `context?: { clientAddress?: string }` is not (`undefined` is no `{ params }`); `unknown` is let
//    through (`unknown extends T ? any : T`). This is the check that failed in issue 14.
interface NextRequest extends Request {
  readonly nextUrl: URL;
}
type TEntry = typeof import('./adapters/next-route.js');
type SegmentParams<T extends object = any> = T extends Record<string, any> ? { [K in keyof T]: T[K] extends string ? string | string[] | undefined : never } : T;
type RouteContext = { params: Promise<SegmentParams> };
type OmitWithTag<T, K extends keyof any, _M> = Omit<T, K>;
type Diff<Base, T extends Base, Message extends string = ''> = 0 extends 1 & T ? {} : OmitWithTag<T, keyof Base, Message>;
type FirstArg<T extends Function> = T extends (...args: [infer T, any]) => any ? (unknown extends T ? any : T) : never;
type SecondArg<T extends Function> = T extends (...args: [any, infer T]) => any ? (unknown extends T ? any : T) : never;
type MaybeField<T, K extends string> = T extends { [k in K]: infer G } ? (G extends Function ? G : never) : never;
type ParamCheck<T> = { __tag__: string; __param_position__: string; __param_type__: T };
function checkFields<_ extends { [k in keyof any]: never }>() {}

checkFields<Diff<{ GET?: Function; HEAD?: Function; POST?: Function; PUT?: Function; DELETE?: Function; PATCH?: Function; OPTIONS?: Function; dynamic?: 'auto' | 'force-dynamic' | 'error' | 'force-static' }, TEntry, ''>>();
// As generated for each method README exports (next-types-plugin writes one such block per method):
checkFields<Diff<ParamCheck<Request | NextRequest>, { __tag__: 'GET'; __param_position__: 'first'; __param_type__: FirstArg<MaybeField<TEntry, 'GET'>> }, 'GET'>>();
checkFields<Diff<ParamCheck<RouteContext>, { __tag__: 'GET'; __param_position__: 'second'; __param_type__: SecondArg<MaybeField<TEntry, 'GET'>> }, 'GET'>>();
checkFields<Diff<{ __tag__: 'GET'; __return_type__: Response | void | never | Promise<Response | void | never> }, { __tag__: 'GET'; __return_type__: ReturnType<MaybeField<TEntry, 'GET'>> }, 'GET'>>();
checkFields<Diff<ParamCheck<Request | NextRequest>, { __tag__: 'HEAD'; __param_position__: 'first'; __param_type__: FirstArg<MaybeField<TEntry, 'HEAD'>> }, 'HEAD'>>();
checkFields<Diff<ParamCheck<RouteContext>, { __tag__: 'HEAD'; __param_position__: 'second'; __param_type__: SecondArg<MaybeField<TEntry, 'HEAD'>> }, 'HEAD'>>();
checkFields<Diff<{ __tag__: 'HEAD'; __return_type__: Response | void | never | Promise<Response | void | never> }, { __tag__: 'HEAD'; __return_type__: ReturnType<MaybeField<TEntry, 'HEAD'>> }, 'HEAD'>>();
checkFields<Diff<ParamCheck<Request | NextRequest>, { __tag__: 'POST'; __param_position__: 'first'; __param_type__: FirstArg<MaybeField<TEntry, 'POST'>> }, 'POST'>>();
checkFields<Diff<ParamCheck<RouteContext>, { __tag__: 'POST'; __param_position__: 'second'; __param_type__: SecondArg<MaybeField<TEntry, 'POST'>> }, 'POST'>>();
checkFields<Diff<{ __tag__: 'POST'; __return_type__: Response | void | never | Promise<Response | void | never> }, { __tag__: 'POST'; __return_type__: ReturnType<MaybeField<TEntry, 'POST'>> }, 'POST'>>();
checkFields<Diff<ParamCheck<Request | NextRequest>, { __tag__: 'OPTIONS'; __param_position__: 'first'; __param_type__: FirstArg<MaybeField<TEntry, 'OPTIONS'>> }, 'OPTIONS'>>();
checkFields<Diff<ParamCheck<RouteContext>, { __tag__: 'OPTIONS'; __param_position__: 'second'; __param_type__: SecondArg<MaybeField<TEntry, 'OPTIONS'>> }, 'OPTIONS'>>();
checkFields<Diff<{ __tag__: 'OPTIONS'; __return_type__: Response | void | never | Promise<Response | void | never> }, { __tag__: 'OPTIONS'; __return_type__: ReturnType<MaybeField<TEntry, 'OPTIONS'>> }, 'OPTIONS'>>();
// The check is real: the handler type of before issue 14 fails it.
type Before = { POST: (request: Request, context?: { clientAddress?: string; [key: string]: unknown }) => Promise<Response> };
// @ts-expect-error — `SignupRequestContext | undefined` is not Next's `{ params: Promise<…> }`
checkFields<Diff<ParamCheck<RouteContext>, { __tag__: 'POST'; __param_position__: 'second'; __param_type__: SecondArg<MaybeField<Before, 'POST'>> }, 'POST'>>();

// 2. Turbopack (the default) and Next 16's typegen (.next/types/validator.ts): the module must
//    satisfy RouteHandlerConfig<'/api/signup'>, whose handlers take `{ params: Promise<{}> }`.
type RouteHandlerConfig = {
  [M in 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS']?: (request: NextRequest, context: { params: Promise<{}> }) => Promise<Response | void> | Response | void;
};
type IsExpected<Specific extends RouteHandlerConfig> = Specific;
describe('README\'s Next.js route module', () => {
  it('passes the route checks of `next build` with webpack and with Turbopack (type-level, see above)', () => {
    expectTypeOf<IsExpected<TEntry>>().toEqualTypeOf<TEntry>();
    expectTypeOf<SecondArg<TEntry['POST']>>().toBeAny();
  });
});
