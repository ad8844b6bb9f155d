/** RFC 9457 problem details, as the backend renders every error. */

export interface ProblemFieldError {
  /** JSON pointer into the request body, e.g. `#/petitioners/0/id_number`; `#` for the whole body. */
  pointer: string
  detail: string
  code?: string
  /** For query/path/header errors: `query:status` etc. (pointer is then `#`). */
  parameter?: string
}

export class ApiProblem extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string
  readonly code: string
  readonly errors: ProblemFieldError[]
  readonly requestId: string | null

  constructor(init: {
    status: number
    title: string
    detail?: string
    code?: string
    errors?: ProblemFieldError[]
    requestId?: string | null
  }) {
    super(init.detail || init.title)
    this.name = 'ApiProblem'
    this.status = init.status
    this.title = init.title
    this.detail = init.detail ?? ''
    this.code = init.code ?? 'unknown'
    this.errors = init.errors ?? []
    this.requestId = init.requestId ?? null
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function fieldErrors(value: unknown): ProblemFieldError[] {
  if (!Array.isArray(value)) return []
  const out: ProblemFieldError[] = []
  for (const item of value) {
    if (!isRecord(item)) continue
    const detail = str(item.detail) ?? str(item.msg) ?? ''
    const entry: ProblemFieldError = { pointer: str(item.pointer) ?? '#', detail }
    const code = str(item.code)
    if (code !== undefined) entry.code = code
    const parameter = str(item.parameter)
    if (parameter !== undefined) entry.parameter = parameter
    out.push(entry)
  }
  return out
}

/**
 * Build an ApiProblem from a response status and its (already parsed) body. Bodies that are not
 * problem+json (a proxy's HTML 502, an empty 401) still give a usable problem.
 */
export function toProblem(status: number, body: unknown, statusText = ''): ApiProblem {
  if (isRecord(body)) {
    return new ApiProblem({
      status: typeof body.status === 'number' ? body.status : status,
      title: str(body.title) ?? (statusText || `HTTP ${status}`),
      detail: str(body.detail) ?? '',
      code: str(body.code) ?? `http_${status}`,
      errors: fieldErrors(body.errors),
      requestId: str(body.request_id) ?? null,
    })
  }
  const text = typeof body === 'string' && body.length < 500 && !body.trimStart().startsWith('<') ? body : ''
  return new ApiProblem({ status, title: statusText || `HTTP ${status}`, detail: text, code: `http_${status}` })
}

/** Parse a failed Response (body not yet read). */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  let body: unknown = null
  try {
    const text = await response.text()
    try {
      body = JSON.parse(text) as unknown
    } catch {
      body = text
    }
  } catch {
    body = null
  }
  return toProblem(response.status, body, response.statusText)
}

/**
 * Unwrap an openapi-fetch result: the data, or throw ApiProblem. Per-domain API modules use this
 * so views get data or a typed problem, never a raw Response.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.error === undefined) return result.data as T
  throw toProblem(result.response.status, result.error, result.response.statusText)
}

/** Anything a request can throw, as an ApiProblem (a network failure is status 0, code `network`). */
export function asProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error
  return new ApiProblem({
    status: 0,
    title: error instanceof Error ? error.message : String(error),
    code: 'network',
  })
}
