// The dialogue's wire types, written by hand from the issue-5 contract until the backend's
// OpenAPI document names them (then they become aliases of the generated schema types).
export type Party = 'consumer' | 'business' | 'mediator' | 'system';
export type ReadingParty = Exclude<Party, 'system'>;

export type MessageAttachment = { id: number; name: string; media_type: string; size: number };

export type Message = {
  id: number;
  order_id: number;
  author: { party: Party; name: string; org_name: string | null; mine: boolean };
  internal: boolean;
  body: string;
  attachments: MessageAttachment[];
  created_at: string;
};

export type ReadReceipt = { party: ReadingParty; read_up_to: number | null };

export type DialogueView = {
  items: Message[];
  open: boolean;
  can_post: boolean;
  can_post_internal: boolean;
  my_read_up_to: number | null;
  read_receipts: ReadReceipt[];
  unread: number;
};

export type NewMessage = { body: string; internal?: boolean; attachments?: number[] };

export type DialogueUnread = { total: number; orders: { order_id: number; unread: number }[] };

/** An uploaded file as `POST /api/v1/attachments` answers it. */
export type UploadedFile = { id: number; file_name: string; media_type: string; size_bytes: number };

/** Uploads one file (with progress), as the app's existing upload flow does. */
export type UploadFile = (file: File, onProgress: (percent: number) => void, signal?: AbortSignal) => Promise<UploadedFile>;
