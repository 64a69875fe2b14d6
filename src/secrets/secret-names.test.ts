import { describe, expect, test } from 'vitest'
import { createRedactor } from './redactor.js'
import { createNameRule, isSecretJsonKey, isSecretName } from './secret-names.js'

describe('the default name rule', () => {
  test.each([
    'Authorization',
    'Proxy-Authorization',
    'Cookie',
    'Set-Cookie',
    'X-Api-Key',
    'X-Goog-Api-Key',
    'Ocp-Apim-Subscription-Key',
    'X-Amz-Security-Token',
    'X-Amz-Credential',
    'X-Amz-Signature',
    'Private-Token',
    'X-Auth-Token',
    'OpenAI-Organization',
    'sig',
    'client_secret',
    'clientSecret',
    'password',
    'access_token',
    'refreshToken',
    'apikey',
    'session_id',
    'code',
  ])('calls %s secret', (name) => {
    expect(isSecretName(name)).toBe(true)
  })

  test.each([
    'Content-Type',
    'x-ratelimit-remaining-tokens',
    'anthropic-ratelimit-input-tokens-limit',
    'max_tokens',
    'author',
    'keyword',
    'Keep-Alive',
    'X-Request-Id',
  ])('leaves %s alone', (name) => {
    expect(isSecretName(name)).toBe(false)
  })
})

test('names added are secret, names allowed are not, added wins', () => {
  const rule = createNameRule(['X-Tenant'], ['X-Session-Region', 'X-Tenant'])
  expect(rule('x-tenant')).toBe(true)
  expect(rule('X-SESSION-REGION')).toBe(false)
  expect(rule('X-Session-Id')).toBe(true)
})

test('`redact.allow` keeps a name the rule would redact; pagination cursors stay by default', () => {
  const redactor = createRedactor({ allow: ['X-Session-Region'] }, {})
  const headers = redactor.headers(
    new Headers({ 'x-session-region': 'eu-west-1', 'x-session-id': 'abc' }),
  )
  expect(headers.get('x-session-region')).toBe('eu-west-1')
  expect(headers.get('x-session-id')).toBe('[REDACTED]')
  expect(redactor.url('https://x.test/?pageToken=p2&password=pw')).toBe(
    'https://x.test/?pageToken=p2&password=[REDACTED]',
  )
})

test('credential variables of the environment are replaced by value, short ones are not', () => {
  const redactor = createRedactor(
    {},
    { ACME_API_KEY: 'acme-0123456789', DEBUG_TOKEN: 'short', HOME: '/home/acme-0123456789' },
  )
  expect(redactor.text('key acme-0123456789, short')).toBe('key [REDACTED], short')
})

describe('credential keys in JSON bodies', () => {
  test.each([
    'password',
    'access_token',
    'refreshToken',
    'id_token',
    'client_secret',
    'apiKey',
    'private_key',
  ])('calls %s secret', (key) => {
    expect(isSecretJsonKey(key)).toBe(true)
  })

  test.each(['token', 'key', 'max_tokens', 'prompt_tokens', 'cache_key', 'tokens'])(
    'leaves %s alone',
    (key) => {
      expect(isSecretJsonKey(key)).toBe(false)
    },
  )

  test('an OAuth token response is redacted in place; logprobs tokens and placeholders stay', () => {
    const redactor = createRedactor({}, {})
    const body =
      '{"access_token": "at-9f8e7d6c5b4a", "token_type": "bearer", "refresh_token": "<refresh>",\n "logprobs": [{"token": "Hello"}], "max_tokens": 5}'
    expect(redactor.bodyText(body, 'application/json')).toBe(
      '{"access_token": "[REDACTED]", "token_type": "bearer", "refresh_token": "<refresh>",\n "logprobs": [{"token": "Hello"}], "max_tokens": 5}',
    )
  })
})
