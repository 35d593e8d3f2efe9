// A stand-in for XMLHttpRequest (which the evidence upload uses for its progress events):
// records each request and answers it when the test says, or at once through `reply`.
import { act } from '@testing-library/react';
import { vi } from 'vitest';

export type XhrReply = { status: number; body?: unknown; headers?: Record<string, string> };

export type XhrRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  file: File | null;
  aborted: boolean;
  /** Reports upload progress (bytes sent of total). */
  progress: (loaded: number, total: number) => void;
  respond: (reply: XhrReply) => void;
};

export function fakeXhr(reply?: (request: XhrRequest) => XhrReply | undefined) {
  const requests: XhrRequest[] = [];
  class FakeXMLHttpRequest {
    upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
      onprogress: null,
    };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    responseText = '';
    private method = '';
    private url = '';
    private headers: Record<string, string> = {};
    private responseHeaders: Record<string, string> = {};
    private request: XhrRequest | null = null;

    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }

    setRequestHeader(name: string, value: string) {
      this.headers[name.toLowerCase()] = value;
    }

    getResponseHeader(name: string): string | null {
      return this.responseHeaders[name.toLowerCase()] ?? null;
    }

    send(body: FormData) {
      const file = body.get('file');
      const request: XhrRequest = {
        method: this.method,
        url: this.url,
        headers: this.headers,
        file: file instanceof File ? file : null,
        aborted: false,
        progress: (loaded, total) => act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total })),
        respond: ({ status, body: answer, headers = {} }) =>
          act(() => {
            if (request.aborted) return;
            this.status = status;
            this.responseText = answer === undefined ? '' : JSON.stringify(answer);
            this.responseHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
            this.onload?.();
          }),
      };
      this.request = request;
      requests.push(request);
      const answer = reply?.(request);
      if (answer) setTimeout(() => request.respond(answer), 0);
    }

    abort() {
      if (this.request) this.request.aborted = true;
      this.onabort?.();
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXMLHttpRequest);
  return { requests };
}

/** What the server answers for an uploaded file. */
export function uploaded(id: number, file: File, mediaType = file.type): XhrReply {
  return { status: 201, body: { id, file_name: file.name, media_type: mediaType, size_bytes: file.size } };
}

export function pngFile(name = '发票.png', bytes = 2048): File {
  return new File([new Uint8Array(bytes)], name, { type: 'image/png' });
}
