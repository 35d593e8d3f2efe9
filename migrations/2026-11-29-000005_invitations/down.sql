DROP TABLE invitations;
ALTER TABLE users DROP CONSTRAINT users_active_has_password;
-- Accounts disabled before they were ever activated cannot satisfy the old rule.
DELETE FROM users WHERE status = 'disabled' AND password_hash IS NULL;
ALTER TABLE users ADD CONSTRAINT users_check3
    CHECK (status = 'invited' OR password_hash IS NOT NULL);
