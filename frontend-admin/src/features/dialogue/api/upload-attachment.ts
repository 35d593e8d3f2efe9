// POST /api/v1/attachments — uploads one file for a dialogue message (multipart, one `file`
// part). Sent through the app's CSRF-aware fetch (the token and its one retry come with it);
// fetch reports no upload progress, so progress jumps to 100 when the file is stored.
import { env } from '@/config/env';
import { sendWithCsrf } from '@/lib/api-client';
import { ApiError, parseRetryAfter, toProblem } from '@/lib/problem';
import type { UploadFile, UploadedFile } from './types';

export const uploadAttachment: UploadFile = async (file, onProgress, signal) => {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await sendWithCsrf(
    new Request(`${env.apiBaseUrl}/api/v1/attachments`, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: form,
      signal,
    }),
  );
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, toProblem(body), parseRetryAfter(response.headers.get('retry-after')));
  }
  onProgress(100);
  return body as UploadedFile;
};
