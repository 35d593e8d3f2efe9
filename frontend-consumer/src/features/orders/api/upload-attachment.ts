// POST /api/v1/attachments — uploads one evidence file (multipart, one `file` part). Sent with
// XMLHttpRequest rather than fetch because only XHR reports upload progress. Carries the
// session's CSRF token and, when the server refuses it, retries once with a fresh one, as the
// `api` client does.
import type { components } from '@/api/schema';
import { env } from '@/config/env';
import { currentCsrfToken, CSRF_HEADER, refreshCsrfToken } from '@/lib/api-client';
import { ApiError, parseRetryAfter, toProblem } from '@/lib/problem';

export type Attachment = components['schemas']['AttachmentDto'];

type Sent = { status: number; body: unknown; retryAfter: string | null };

function send(file: File, token: string | undefined, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${env.apiBaseUrl}/api/v1/attachments`);
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body, retryAfter: xhr.getResponseHeader('Retry-After') });
    };
    // Like fetch, an unreachable server is a TypeError (shown as a network problem).
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export async function uploadAttachment(
  file: File,
  onProgress: (percent: number) => void = () => {},
  signal?: AbortSignal,
): Promise<Attachment> {
  let sent = await send(file, currentCsrfToken(), onProgress, signal);
  if (sent.status === 403 && toProblem(sent.body)?.code === 'csrf_token_invalid') {
    const fresh = await refreshCsrfToken();
    if (fresh) sent = await send(file, fresh, onProgress, signal);
  }
  if (sent.status >= 200 && sent.status < 300) return sent.body as Attachment;
  throw new ApiError(sent.status, toProblem(sent.body), parseRetryAfter(sent.retryAfter));
}
