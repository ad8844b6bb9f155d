import { describe, expect, it } from 'vitest'
import { ApiProblem, asProblem, problemFromResponse, toProblem, unwrap } from '@/api/problem'

describe('problem parsing', () => {
  it('reads an RFC 9457 body with field errors', async () => {
    const res = new Response(
      JSON.stringify({
        type: 'https://anjie.example/problems/validation-failed',
        title: 'Validation failed',
        status: 422,
        detail: '提交的内容有误',
        code: 'validation_failed',
        request_id: 'r-1',
        errors: [
          { pointer: '#/petitioners/0/id_number', detail: '身份证号校验位不正确', code: 'id_number_checksum' },
          { pointer: '#', detail: 'bad status', code: 'enum', parameter: 'query:status' },
          'junk',
        ],
      }),
      { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
    )
    const p = await problemFromResponse(res)
    expect(p).toBeInstanceOf(ApiProblem)
    expect(p).toBeInstanceOf(Error)
    expect(p.status).toBe(422)
    expect(p.title).toBe('Validation failed')
    expect(p.detail).toBe('提交的内容有误')
    expect(p.code).toBe('validation_failed')
    expect(p.requestId).toBe('r-1')
    expect(p.errors).toEqual([
      { pointer: '#/petitioners/0/id_number', detail: '身份证号校验位不正确', code: 'id_number_checksum' },
      { pointer: '#', detail: 'bad status', code: 'enum', parameter: 'query:status' },
    ])
    expect(p.message).toBe('提交的内容有误')
  })

  it('copes with a body that is not problem+json', async () => {
    const html = new Response('<html>502 Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' })
    const p = await problemFromResponse(html)
    expect(p.status).toBe(502)
    expect(p.title).toBe('Bad Gateway')
    expect(p.detail).toBe('')
    expect(p.code).toBe('http_502')
    expect(p.errors).toEqual([])
    expect(toProblem(401, undefined).title).toBe('HTTP 401')
  })

  it('unwrap returns data or throws the problem', () => {
    const ok = { data: { a: 1 }, response: new Response(null, { status: 200 }) }
    expect(unwrap(ok)).toEqual({ a: 1 })
    const bad = { error: { title: 'Not found', status: 404, code: 'not_found' }, response: new Response(null, { status: 404 }) }
    expect(() => unwrap(bad)).toThrowError(ApiProblem)
    try {
      unwrap(bad)
    } catch (e) {
      expect((e as ApiProblem).code).toBe('not_found')
    }
  })

  it('asProblem wraps a network failure', () => {
    const p = asProblem(new TypeError('Failed to fetch'))
    expect(p.status).toBe(0)
    expect(p.code).toBe('network')
  })
})
