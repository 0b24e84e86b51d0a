/** Why Redis cannot be used, in words an operator can act on. */
export interface RedisProblem {
  /** `auth` and `tls` never heal by themselves: a person must fix the URL, the password or the certificate. */
  kind: 'auth' | 'tls' | 'dns' | 'refused' | 'timeout' | 'other';
  /** What went wrong and what to check, e.g. "the password is wrong (WRONGPASS)". */
  text: string;
}

// Node's codes for a certificate it does not trust (tls.TLSSocket#authorizationError) and a failed handshake.
const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|EPROTO)/;

/**
 * Names what a connection error from ioredis means, so "Connection is closed." never stands for
 * a wrong password, an untrusted certificate or a host name that does not resolve.
 *
 * @example
 * describeRedisProblem(new Error('WRONGPASS invalid username-password pair'), 2_000).kind; // 'auth'
 */
export function describeRedisProblem(error: unknown, timeoutMs: number): RedisProblem {
  const { code, message = String(error), hostname } = (error ?? {}) as { code?: string; message?: string; hostname?: string };
  const said = message.split('.')[0]!.slice(0, 120);
  if (/\bWRONGPASS\b|invalid password/i.test(message)) return { kind: 'auth', text: `the password (or user name) in the URL is wrong (${said})` };
  if (/\bNOAUTH\b/.test(message)) return { kind: 'auth', text: 'Redis asks for a password and the URL has none (NOAUTH): put it in the URL, redis://:password@host:port' };
  if (/\bNOPERM\b/.test(message)) return { kind: 'auth', text: `the Redis user may not run the commands the stores need (${said})` };
  if (typeof code === 'string' && TLS_CODES.test(code)) {
    const untrusted = /CERT|SELF_SIGNED|UNABLE_TO|HOSTNAME/.test(code);
    return {
      kind: 'tls',
      text: untrusted
        ? `TLS: the server's certificate is not trusted (${code}: ${said}); use a certificate a public authority signed for this host name, or give the client your CA`
        : `TLS handshake failed (${code}): rediss:// needs the port Redis serves TLS on, redis:// its plain port`,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'dns', text: `DNS: the host name ${hostname ? `"${hostname}" ` : ''}does not resolve (${code})` };
  if (code === 'ECONNREFUSED') return { kind: 'refused', text: 'connection refused (ECONNREFUSED): nothing listens on that host and port; is Redis running' };
  if (code === 'ETIMEDOUT' || /timed? ?out/i.test(message)) return { kind: 'timeout', text: `no answer within ${timeoutMs} ms` };
  return { kind: 'other', text: said };
}
