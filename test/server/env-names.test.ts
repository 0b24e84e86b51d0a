import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLE_FAMILIES, ENV_VARIABLES, unknownEnvVariables } from '../../src/server/node/env-names.js';
import { optionsFromEnv } from '../../src/server/node/index.js';
import { queueFromEnv } from '../../src/server/node/queue-from-env.js';
import { maskUrl } from '../../src/server/shared/mask-url.js';

// Every variable a message names is one `serve` reads; every mistake is reported by its variable.
const src = new URL('../../src/', import.meta.url).pathname;
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
const source = files(src).filter((file) => /\.tsx?$/.test(file)).map((file) => readFileSync(file, 'utf8')).join('\n');
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const base = { DOTDIGITAL_API_USER: 'apiuser-x@apiconnector.com', DOTDIGITAL_API_PASSWORD: 'secret-password' };

describe('environment variables', () => {
  it('every SIGNUP_* or DOTDIGITAL_* name the source writes is a variable serve reads (or a constant it declares), and README lists each', () => {
    const declared = new Set([...source.matchAll(/\bconst ((?:SIGNUP|DOTDIGITAL)_[A-Z0-9_]+)\b/g)].map((match) => match[1]!));
    const named = new Set([...source.matchAll(/\b(?:SIGNUP|DOTDIGITAL)_[A-Z0-9_]+\b/g)].map((match) => match[0]));
    const known: readonly string[] = ENV_VARIABLES;
    // One variable per locale: the family's prefix, then a tag (SIGNUP_CONSENT_TEXT_DE); the prefix alone names the family.
    const family = (name: string) => ENV_VARIABLE_FAMILIES.some((prefix) => name.startsWith(prefix) || name === prefix.slice(0, -1));
    expect([...named].filter((name) => !declared.has(name) && !known.includes(name) && !family(name) && !/^SIGNUP_REDIS$/.test(name))).toEqual([]);
    expect([...ENV_VARIABLES, ...ENV_VARIABLE_FAMILIES.map((prefix) => `${prefix}DE`)].filter((name) => !readme.includes(name))).toEqual([]);
    expect(declared.size).toBeGreaterThan(2); // the constants (SIGNUP_FORM_FIELDS, …) are found, so the check above is real
  });

  it('warns about an unknown variable, naming the nearest one it reads', () => {
    expect(unknownEnvVariables({ ...base, SIGNUP_REDIS: 'redis://cache:6379', DOTDIGITAL_API_PASS: 'x', SIGNUP_ALLOWED_ORIGIN: 'https://a.example', SIGNUP_ZZZZZZZZZZ: '1', OTHER: 'x' })).toEqual([
      'SIGNUP_REDIS is not a variable dotdigital-signup reads — did you mean SIGNUP_REDIS_URL? It is ignored (README, "Proxy options", lists them).',
      'DOTDIGITAL_API_PASS is not a variable dotdigital-signup reads — did you mean DOTDIGITAL_API_PASSWORD? It is ignored (README, "Proxy options", lists them).',
      'SIGNUP_ALLOWED_ORIGIN is not a variable dotdigital-signup reads — did you mean SIGNUP_ALLOWED_ORIGINS? It is ignored (README, "Proxy options", lists them).',
      'SIGNUP_ZZZZZZZZZZ is not a variable dotdigital-signup reads It is ignored (README, "Proxy options", lists them).',
    ]);
    expect(unknownEnvVariables({ ...base, SIGNUP_REDIS_URL: 'redis://cache', SIGNUP_CONSENT_TEXT_DE_AT: 'Ja', SIGNUP_PREFERENCE_LABELS_FR: '{}', SIGNUP_DEFAULT_LOCALE: 'de' })).toEqual([]);
    expect(unknownEnvVariables({ ...base, SIGNUP_CONSENT_TEXTS: 'x' })).toEqual([expect.stringMatching(/^SIGNUP_CONSENT_TEXTS is not a variable .* did you mean SIGNUP_CONSENT_TEXT\?/)]);
  });

  it.each([
    [{ SIGNUP_ALLOWED_ORIGINS: 'https://www.example.com/signup' }, /^SIGNUP_ALLOWED_ORIGINS="https:\/\/www\.example\.com\/signup" is not valid: `allowedOrigins` takes origins like/],
    [{ SIGNUP_CLIENT_IP_HEADER: 'x real ip' }, /^SIGNUP_CLIENT_IP_HEADER="x real ip" is not valid: `clientIp\.header` must be a header name/],
    [{ SIGNUP_FIELDS: '[{"name":"AGE","label":"Age","type":"Number"}]' }, /^SIGNUP_FIELDS="\[.*\]" is not valid: field AGE: `type` must be String, Numeric, Date or Boolean/],
    [{ SIGNUP_FIELDS: '[{"name":"AGE","label":"Age","requird":true}]' }, /^SIGNUP_FIELDS=.* is not valid: `fields\[0\]\.requird` is not an option — did you mean `fields\[0\]\.required`\?/],
    [{ SIGNUP_CLIENT_IP: 'vercel', SIGNUP_TRUSTED_PROXY_HOPS: '1' }, /^SIGNUP_CLIENT_IP and SIGNUP_TRUSTED_PROXY_HOPS do not go together: pass `clientIp` alone/],
    [{ SIGNUP_CONSENT_TEXT: '   ' }, /^SIGNUP_CONSENT_TEXT="   " is not valid: `consentText` is required/],
    [{ DOTDIGITAL_API_URL: 'https:/apiuser:hunter2@r1-api.dotdigital.com' }, /^DOTDIGITAL_API_URL="https:\/\*\*\*\*@r1-api\.dotdigital\.com" is not valid: use your region's API host/],
  ])('optionsFromEnv names the variable: %j', (env, message) => {
    expect(() => optionsFromEnv({ ...base, ...env })).toThrow(message);
    expect(() => optionsFromEnv({ ...base, ...env })).not.toThrow(/hunter2|secret-password/);
  });

  it.each([
    [{ SIGNUP_REDIS_URL: '' }, 'SIGNUP_REDIS_URL="" is not valid: it is set but empty: set it to redis://host:port (rediss:// for TLS), or unset it to run without a queue'],
    [{ SIGNUP_QUEUE_FILE: ' ' }, 'SIGNUP_QUEUE_FILE=" " is not valid: it is set but empty: set it to the path of the queue file'],
    [{ SIGNUP_REDIS_URL: 'redis:/:hunter2@cache.internal:6379' }, 'SIGNUP_REDIS_URL="redis:/****@cache.internal:6379" is not valid: use redis://host:port (or rediss:// for TLS)'],
  ])('queueFromEnv refuses %j, naming it, never the password', async (env, message) => {
    await expect(queueFromEnv({ ...base, ...env })).rejects.toThrow(message);
  });
});

describe('maskUrl: a password never printed, whatever the URL looks like', () => {
  it.each([
    ['rediss://:hunter2@cache.internal:6380/0', 'rediss://:****@cache.internal:6380/0'],
    ['redis://default:hunter2@cache.internal:6379', 'redis://default:****@cache.internal:6379'],
    ['redis://hunter2@cache.internal', 'redis://****@cache.internal'],
    ['redis://cache.internal:6379', 'redis://cache.internal:6379'],
    ['redis:/:hunter2@cache.internal', 'redis:/****@cache.internal'],
    ['redis//:hunter2@cache.internal', '****@cache.internal'],
    [':hunter2@cache.internal:6379', '****@cache.internal:6379'],
    ['redis://:p@ss@word@cache.internal', 'redis://:****@cache.internal'],
    ['redis://cache.internal:6379?password=hunter2', 'redis://cache.internal:6379?password=****'],
    ['https://user:hunter2@r1-api.dotdigital.com', 'https://user:****@r1-api.dotdigital.com'],
  ])('%s → %s', (url, shown) => {
    expect(maskUrl(url)).toBe(shown);
  });
});
