// The dialogue's wire types, from the generated OpenAPI schema.
import type { components } from '@/api/schema';

type Schemas = components['schemas'];

export type Party = Schemas['PartyDto'];
export type MessageAttachment = Schemas['MessageAttachment'];
export type Message = Schemas['Message'];
export type ReadReceipt = Schemas['ReadReceipt'];
export type DialogueView = Schemas['DialogueView'];
export type NewMessage = Schemas['NewMessage'];
export type DialogueUnread = Schemas['UnreadSummary'];

/** An uploaded file as `POST /api/v1/attachments` answers it. */
export type UploadedFile = Schemas['AttachmentDto'];

/** Uploads one file (with progress), as the app's existing upload flow does. */
export type UploadFile = (file: File, onProgress: (percent: number) => void, signal?: AbortSignal) => Promise<UploadedFile>;
