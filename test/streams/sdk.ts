import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'

/** The seed cassette's request, as the openai SDK sends it. */
export const SEED_REQUEST: OpenAI.Responses.ResponseCreateParamsStreaming = {
  max_output_tokens: 4000,
  store: false,
  input: [
    {
      content: [
        {
          text: 'Generate information about a person named Alice who is 30 years old and lives in Paris.',
          type: 'input_text',
        },
      ],
      role: 'user',
    },
  ],
  model: 'gpt-4o',
  text: {
    format: {
      name: 'Person',
      schema: {
        additionalProperties: false,
        properties: {
          age: { description: "The person's age", type: 'integer' },
          city: { description: 'The city where the person lives', type: 'string' },
          name: { description: "The person's name", type: 'string' },
        },
        required: ['name', 'age', 'city'],
        type: 'object',
      },
      type: 'json_schema',
    },
  },
  stream: true,
}

/** The request of fixtures/anthropic/messages_stream.yaml. */
export const ANTHROPIC_REQUEST: Anthropic.MessageCreateParamsStreaming = {
  model: 'claude-3-5-haiku-latest',
  max_tokens: 64,
  messages: [{ role: 'user', content: 'Say hi' }],
  stream: true,
}

/** A fetch body as the async iterable it is at run time (TypeScript's DOM lib lacks it). */
export function chunksOf(body: ReadableStream<Uint8Array> | null): AsyncIterable<Uint8Array> {
  if (body === null) throw new Error('the response has no body')
  return body as unknown as AsyncIterable<Uint8Array>
}

/** SDK clients that never retry, so a failure shows at once. */
export function openaiClient(options: { baseURL?: string; fetch?: typeof fetch } = {}): OpenAI {
  return new OpenAI({ apiKey: 'sk-test', maxRetries: 0, ...options })
}

/** See {@link openaiClient}. */
export function anthropicClient(
  options: { baseURL?: string; fetch?: typeof fetch } = {},
): Anthropic {
  return new Anthropic({ apiKey: 'sk-ant-test', maxRetries: 0, ...options })
}
