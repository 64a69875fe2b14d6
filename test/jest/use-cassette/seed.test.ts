import https from 'node:https'
import { describe, expect, test } from '@jest/globals'
import { useCassette } from 'msw-cassette/jest'
import { readChunks, seed, textDeltas } from '../stream-helpers.js'

const { requestBody, responseBody } = seed()
const handle = useCassette('simple_object_streaming')

test('useCassette returns the parsed cassette', () => {
  expect(handle.cassette.version).toBe(2)
  expect(handle.cassette.interactions).toHaveLength(1)
})

test('fetch gets the recorded stream, 21 events, one per chunk', async () => {
  const response = await fetch('https://api.openai.com/v1/responses', {
    method: 'POST',
    body: requestBody,
  })
  const chunks = await readChunks(response)
  expect(chunks).toHaveLength(21)
  expect(textDeltas(chunks.join(''))).toBe('{"age":30,"city":"Paris","name":"Alice"}')
})

test('node:http gets the same bytes', async () => {
  const body = await new Promise<string>((resolve, reject) => {
    const req = https.request('https://api.openai.com/v1/responses', { method: 'POST' }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
      })
      res.on('end', () => resolve(text))
    })
    req.on('error', reject)
    req.end(requestBody)
  })
  expect(body).toBe(responseBody)
})

describe('a nested describe', () => {
  test('still replays (used state resets before each test)', async () => {
    const response = await fetch('https://api.openai.com/v1/responses', {
      method: 'POST',
      body: requestBody,
    })
    expect(response.status).toBe(200)
    await response.text()
  })
})
