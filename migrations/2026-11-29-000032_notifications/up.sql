-- The in-app notification centre (api/services/src/notifications.rs): one row per recipient
-- and notification, written in the transaction of the change that causes it. Only the kind
-- and its fields are stored; the text is rendered in the reader's language when read
-- (api/domain/src/notify/in_app.rs).
CREATE TABLE notifications (
    id         bigserial PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,63}$'),
    order_id   bigint REFERENCES orders (id) ON DELETE CASCADE,
    params     jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(params) = 'object'),
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz
);

-- A user's list, newest first, paged by id (`before`).
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
-- The unread count the bell polls every few seconds, and "mark all read": only unread rows.
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- The channels a user chose besides the app. No row: the defaults (both on).
CREATE TABLE notification_preferences (
    user_id    bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    email      boolean NOT NULL,
    sms        boolean NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
