const DEFAULT_PORTS: Record<string, string> = {
  'http:': '80',
  'https:': '443',
  'ws:': '80',
  'wss:': '443',
}

/**
 * The default URL comparison value: scheme and host lower-cased (the URL parser does that),
 * default ports dropped, path exact, query parameters sorted so their order does not matter
 * while repeats still count.
 *
 * @example normalizeUrl(new URL('HTTPS://API.x.com:443/v1?b=2&a=1')) // 'https://api.x.com/v1?a=1&b=2'
 */
export function normalizeUrl(url: URL): string {
  const port = url.port === '' || DEFAULT_PORTS[url.protocol] === url.port ? '' : `:${url.port}`
  // Most requests carry no query: skip building `searchParams` for them (it runs per request).
  const query = url.search === '' ? '' : sortedQuery(url.searchParams)
  return `${url.protocol}//${url.username === '' ? '' : `${url.username}@`}${url.hostname}${port}${url.pathname}${query}`
}

function sortedQuery(searchParams: URLSearchParams): string {
  const params = [...searchParams].map(
    ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
  )
  params.sort()
  return params.length > 0 ? `?${params.join('&')}` : ''
}
