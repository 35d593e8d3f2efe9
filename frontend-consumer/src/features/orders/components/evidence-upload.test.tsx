import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form } from 'antd';
import { describe, expect, it } from 'vitest';
import { fakeXhr, pngFile, uploaded } from '@/testing/fake-xhr';
import { mockFetch } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { DraftAttachment } from '../utils/wizard-model';
import { EvidenceUpload } from './evidence-upload';

function renderUpload(initial: DraftAttachment[] = []) {
  mockFetch({});
  const values: DraftAttachment[][] = [];
  const user = userEvent.setup({ applyAccept: false });
  const view = renderWithProviders(
    <Form initialValues={{ attachments: initial }} onValuesChange={(changed: { attachments?: DraftAttachment[] }) => {
      if (changed.attachments) values.push(changed.attachments);
    }}>
      <Form.Item label="证据材料" name="attachments">
        <EvidenceUpload />
      </Form.Item>
    </Form>,
  );
  const input = () => view.container.querySelector('input[type="file"]') as HTMLInputElement;
  return { user, input, values, view };
}

const items = () => screen.queryAllByTestId('evidence-item');

describe('EvidenceUpload', () => {
  it('uploads a chosen file at once with progress, then lists it and makes it the value', async () => {
    const { requests } = fakeXhr();
    const { user, input, values } = renderUpload();
    expect(input().getAttribute('accept')).toBe('image/*,application/pdf');
    expect(screen.getByLabelText('证据材料')).toBe(input());
    const file = pngFile('发票.png', 3072);
    await user.upload(input(), file);

    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.url).toMatch(/\/api\/v1\/attachments$/);
    expect(requests[0]?.file?.name).toBe('发票.png');
    requests[0]?.progress(1536, 3072);
    const bar = await screen.findByRole('progressbar', { name: '发票.png 上传进度' });
    expect(bar.getAttribute('aria-valuenow')).toBe('50');

    requests[0]?.respond(uploaded(41, file));
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(items()).toHaveLength(1);
    expect(items()[0]?.textContent).toContain('发票.png');
    expect(items()[0]?.textContent).toContain('3 KB');
    expect(values.at(-1)).toEqual([{ id: 41, file_name: '发票.png', media_type: 'image/png', size_bytes: 3072 }]);
  });

  it('removes an uploaded file from the value and abandons one still uploading', async () => {
    const { requests } = fakeXhr();
    const first = { id: 7, file_name: '合同.pdf', media_type: 'application/pdf', size_bytes: 100_000 };
    const { user, input, values } = renderUpload([first]);
    expect(items()).toHaveLength(1);
    await user.upload(input(), pngFile('照片.png'));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(items()).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: '删除 照片.png' }));
    expect(requests[0]?.aborted).toBe(true);
    expect(items()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: '删除 合同.pdf' }));
    expect(values.at(-1)).toEqual([]);
    expect(items()).toHaveLength(0);
  });

  it('refuses too large, unsupported and a tenth file here with a quick message, without uploading', async () => {
    const { requests } = fakeXhr((request) => (request.file ? uploaded(100 + requests.length, request.file) : undefined));
    const nine = Array.from({ length: 9 }, (_, i) => ({ id: i + 1, file_name: `图${i + 1}.png`, media_type: 'image/png', size_bytes: 10 }));

    const big = pngFile('大图.png', 16);
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 });
    const { user, input, view } = renderUpload();
    await user.upload(input(), big);
    expect((await screen.findByTestId('evidence-notice')).textContent).toContain('“大图.png”超过 10 MB');

    await user.upload(input(), new File(['hello'], '说明.txt', { type: 'text/plain' }));
    expect((await screen.findByTestId('evidence-notice')).textContent).toContain('“说明.txt”不是支持的格式');
    // A HEIC photo without a type (some browsers) is judged by its name.
    await user.upload(input(), new File([new Uint8Array(8)], 'IMG_0001.HEIC', { type: '' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.file?.name).toBe('IMG_0001.HEIC');
    view.unmount();

    // Eight kept and two chosen at once: the ninth uploads, the tenth is refused here.
    const almost = renderUpload(nine.slice(0, 8));
    await user.upload(almost.input(), [pngFile('第九.png'), pngFile('第十.png')]);
    expect((await screen.findByTestId('evidence-notice')).textContent).toContain('最多上传 9 个文件，“第十.png”未上传。');
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]?.file?.name).toBe('第九.png');
    await waitFor(() => expect(items()).toHaveLength(9));
    // Full: the picker is disabled.
    await waitFor(() => expect(almost.input().disabled).toBe(true));
    almost.view.unmount();

    const full = renderUpload(nine);
    expect(items()).toHaveLength(9);
    expect(full.input().disabled).toBe(true);
  });

  it('shows the server problem text on a file it refuses', async () => {
    const { requests } = fakeXhr(() => ({
      status: 415,
      body: {
        type: 'about:blank',
        title: 'Unsupported',
        status: 415,
        code: 'unsupported_media_type',
        detail: 'Only images and PDF.',
        detail_zh: '只接受图片（JPEG、PNG、GIF、WebP、HEIC）和 PDF 文件。',
      },
    }));
    const { user, input, values } = renderUpload();
    await user.upload(input(), pngFile('伪装.png'));
    await waitFor(() => expect(requests).toHaveLength(1));
    const error = await screen.findByTestId('evidence-error');
    expect(error.textContent).toContain('只接受图片（JPEG、PNG、GIF、WebP、HEIC）和 PDF 文件。');
    expect(within(items()[0] as HTMLElement).getByRole('button', { name: '删除 伪装.png' })).toBeTruthy();
    expect(values).toEqual([]);
  });

  it('a 429 shows the limit message from the server', async () => {
    fakeXhr(() => ({
      status: 429,
      headers: { 'Retry-After': '120' },
      body: { type: 'about:blank', title: 'Too many', status: 429, code: 'too_many_requests', detail: 'Too many.', detail_zh: '上传太频繁，请稍后再试。' },
    }));
    const { user, input } = renderUpload();
    await user.upload(input(), pngFile());
    expect((await screen.findByTestId('evidence-error')).textContent).toContain('上传太频繁，请稍后再试。');
  });
});
