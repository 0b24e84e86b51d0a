import { errorResponse } from './json-response.js';
import type { SignupLogger } from './signup-handler-options.js';
import { UpstreamGaveUp } from './upstream-gave-up.js';
import { describeUpstream, upstreamKind } from './upstream-kind.js';

const UNAVAILABLE = 'The newsletter service is not answering right now; try again in a moment.';

/**
 * The answer when a request failed on the way to Dotdigital (or in the proxy itself). The
 * browser gets a stable code and a sentence; the details, never the address, go to the log.
 *
 * @example
 * try { … } catch (error) { return upstreamFailure(error, logger); }
 */
export function upstreamFailure(error: unknown, logger: SignupLogger): Response {
  const details = describeUpstream(error);
  const kind = error instanceof UpstreamGaveUp ? 'gave_up' : upstreamKind(error);
  switch (kind) {
    case 'gave_up': {
      logger.warn('Dotdigital unavailable within the retry budget; answered 503', details);
      const seconds = Math.min(3600, Math.max(5, Math.ceil(((error as UpstreamGaveUp).retryAfterMs ?? 30_000) / 1000)));
      return errorResponse(503, 'upstream_unavailable', UNAVAILABLE, undefined, { 'retry-after': String(seconds) });
    }
    case 'invalid_email':
      return errorResponse(400, 'invalid_email', 'Enter an email address in the correct format, like name@example.com.', 'email');
    case 'usage_capped':
      logger.error('Dotdigital capped this account for excess API activity (ERROR_APIUSAGE_EXCEEDED); contact Dotdigital support', details);
      return errorResponse(503, 'upstream_unavailable', UNAVAILABLE, undefined, { 'retry-after': '300' });
    case 'unauthorized':
      logger.error('Dotdigital refused the API credentials or region: check apiUser, apiPassword and apiUrl (README, "Proxy options")', details);
      return errorResponse(502, 'upstream_rejected', 'The newsletter service refused the signup service’s request. The site owner has been told.');
    case 'rejected':
      logger.error('Dotdigital refused the request: check the proxy options (data fields, address book) against the account', details);
      return errorResponse(502, 'upstream_rejected', 'The newsletter service could not take this signup. The site owner has been told.');
    case 'internal':
      logger.error('Signup handler failed', details);
      return errorResponse(500, 'internal_error', 'Something went wrong in the signup service; try again later.');
    default:
      logger.warn('Dotdigital unavailable; answered 503', details);
      return errorResponse(503, 'upstream_unavailable', UNAVAILABLE, undefined, { 'retry-after': '30' });
  }
}
