import { expect, test } from '@jest/globals'
import { withCassette } from 'msw-cassette/jest'

const TENANTS = Array.from({ length: 10 }, (_, index) => `tenant-${String(index).padStart(2, '0')}`)

for (const [index, tenant] of TENANTS.entries()) {
  test.concurrent(`${tenant} sees only its own cassette under jest`, async () => {
    await withCassette(`concurrent/${tenant}`, async () => {
      await new Promise((resolve) => setTimeout(resolve, (index * 7) % 13))
      const response = await fetch('https://api.example.test/whoami')
      expect(await response.json()).toEqual({ tenant })
    })
  })
}
