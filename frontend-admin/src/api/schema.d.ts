/**
 * Generated from openapi/openapi.json by `npm run gen:api` (openapi-typescript).
 * Do not edit by hand: change the backend, regenerate the document, then rerun.
 */

export interface paths {
    "/api/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up and answering. Public; touches no dependency. */
        get: operations["health_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The server can do its work: PostgreSQL and Redis both answer. Public; used by load
         *     balancers and the admin status page. When one is down the answer is 503 naming it in
         *     `unavailable`.
         */
        get: operations["health_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-clients/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revokes an API client for good: every token of it stops working at once and it can get no
         *     new ones. Administrators of the client's organisation, after the second factor.
         */
        post: operations["api_clients_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-clients/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replaces an API client's secret. The new secret is in this answer only; the old secret
         *     and every token issued under it stop working at once. Administrators of the client's
         *     organisation, after the second factor.
         */
        post: operations["api_clients_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Applies to join the platform as an ODR enterprise, a government department or an
         *     international consumer body. Public. An enterprise is reviewed by the county-level bureau
         *     of its registered division; the others by the national bureau or the province they chose.
         *     Answers the tracking code (shown once, also emailed) and the competent bureau. A wrong
         *     check character is 422 on `credit_code`; an unknown division or a city-level one for an
         *     enterprise 422 on `registered_division`; an organisation already registered or with an
         *     application waiting, or a taken user name, 409 `application_duplicate`. Limited per
         *     address (429 with `Retry-After`).
         */
        post: operations["applications_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Where an application stands, by its tracking code (sent in the body: it is a secret and
         *     does not belong in a URL). Public. Any code that matches nothing is 404 with one answer;
         *     limited per address (429 with `Retry-After`).
         */
        post: operations["applications_track"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One application with its contact details and timeline. Reviewers and administrators of
         *     the competent bureau or a bureau above it; other members of that subtree get 403, everyone
         *     else 404.
         */
        get: operations["applications_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approves an application: creates the organisation under the competent bureau (an
         *     enterprise with its credit code, registered division and ODR status `approved`), invites
         *     its first administrator by email and tells the applicant, in one transaction. Reviewers
         *     and administrators of the competent bureau or above; other members of that subtree get
         *     403, everyone else 404. An application already decided (also by a reviewer deciding at
         *     the same moment) is 409.
         */
        post: operations["applications_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rejects an application with a reason the applicant sees when tracking it (and by email).
         *     Same callers as approving; already decided is 409.
         */
        post: operations["applications_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Uploads one evidence file (signed-in consumers, and members of organisations for the
         *     dialogue), to name in a submission's or a dialogue message's `attachments` within 24 hours
         *     (unused uploads are deleted then). Send `multipart/form-data` with one part
         *     named `file`. Accepted: JPEG, PNG, GIF, WebP, HEIC/HEIF photos and PDF documents, judged
         *     from the content, never the name (415 `attachment_type_unsupported` otherwise); at most
         *     `ATTACHMENT_MAX_BYTES` (10 MiB; 413 as soon as it is exceeded). Limited per account per
         *     hour (429).
         */
        post: operations["attachments_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/years": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The years of the holiday calendar, newest first: every entered year and, marked
         *     `provisional` when not entered, this year and the next. Staff of government units and
         *     consumer associations.
         */
        get: operations["calendar_years_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One year of the holiday calendar with its public holidays and make-up working days (none
         *     while the year is provisional). Same callers as the list.
         */
        get: operations["calendar_years_get"];
        /**
         * Enters or replaces a year of the holiday calendar: national administrators only. The list
         *     replaces the year's dates at once; dates must lie in the year, appear once, and a make-up
         *     working day must be a Saturday or Sunday; at least one public holiday. In the same
         *     transaction every open order whose due date may depend on the year (provisional, or due
         *     on or after its first day) is recomputed; an order whose date moves gets a staff-only
         *     `recompute_due` event. Audited (`calendar_year_entered`).
         */
        put: operations["calendar_years_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The category taxonomy: goods and services → groups → leaf categories, and the problem
         *     types, each by position. Public (the consumer portal loads it before sign-in) and
         *     cacheable: `ETag` (send `If-None-Match` for a 304) and `Cache-Control: public,
         *     max-age=300`. Only active categories, unless `include_retired=true`, which only national
         *     administrators may ask for (then `Cache-Control: private, no-cache`).
         */
        get: operations["categories_list"];
        put?: never;
        /**
         * Creates a group, a leaf category or a problem type. National administrators only; audited
         *     (`category_created`). The code is the next free one in its place unless one is given;
         *     codes are never reused.
         */
        post: operations["categories_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Renames, reorders, retires or reactivates a category or problem type. National
         *     administrators only; audited (`category_updated`, with the values before and after).
         */
        patch: operations["categories_update"];
        trace?: never;
    };
    "/api/v1/client": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the bearer token speaks for: the client, its organisation, the token's scopes and
         *     expiry — for integrators checking a token. Bearer tokens only: browser sessions get 403.
         */
        get: operations["client_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consumers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Registers a consumer with a confirmed mobile number and signs them in (session cookie
         *     set). Public. A wrong or expired code is 422 on `code`; a weak password 422 on
         *     `password` (`too_short`, `too_long`, `common`, `same_as_identifier`).
         */
        post: operations["consumers_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dialogues/unread": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's unread dialogue messages, per order with any: a consumer's own orders, an
         *     enterprise's complaints (members and API clients), the open orders a unit holds or
         *     mediates as the delegated association (its staff; internal notes count for them).
         *     Callers who take part in no dialogue get an empty summary.
         */
        get: operations["dialogue_unread"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/divisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The children of a division, or the provinces when `parent` is omitted: what a
         *     province → city → county picker loads level by level. Public.
         */
        get: operations["divisions_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/divisions/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Many divisions at once, e.g. to label a page of work orders with their places in one
         *     request. Public; read-only (POST only because the list can be long).
         */
        post: operations["divisions_lookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/divisions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One division with its ancestors, e.g. to show a full address path. Public. */
        get: operations["divisions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/odr/{credit_code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the business with this unified social credit code is an approved ODR enterprise,
         *     so the consumer may send a complaint to it first. Public (the wizard asks while a consumer
         *     fills it in); limited per address (429 with `Retry-After`). Any organisation that is not an
         *     approved ODR enterprise is 404, the same answer as no match.
         */
        get: operations["enterprises_odr_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accepts an invitation: sets the account's password and activates it; the link is used up
         *     (of two concurrent accepts exactly one succeeds). The invitee then signs in normally (and
         *     enrols an authenticator where required). Public. Every unusable link gets the same 400
         *     `invitation_invalid`; a weak password is 422 on `password`; rate-limited per address.
         */
        post: operations["invitations_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/inspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Shows whom an invitation link is for. Public; the token travels in the body, never in a
         *     URL. Every unusable link (unknown, expired, used, revoked) gets the same 400
         *     `invitation_invalid`; attempts are rate-limited per address (429).
         */
        post: operations["invitations_inspect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sends the invitation again with a new link valid for 72 hours; the previous link stops
         *     working at once. For open and expired invitations. Administrators of the invitation's
         *     organisation or of one above it; 404 outside the caller's subtree.
         */
        post: operations["invitations_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraws an open or expired invitation: the link stops working and the invited account is
         *     disabled for good (it never had a password, so it can never be activated). Administrators
         *     of the invitation's organisation or of one above it; 404 outside the caller's subtree.
         */
        post: operations["invitations_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in caller, their organisation, roles and capabilities, and the CSRF token
         *     for this session. Any signed-in user; 401 otherwise.
         */
        get: operations["me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Renames the caller. Any signed-in user. */
        patch: operations["me_update"];
        trace?: never;
    };
    "/api/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notification channels (both on until changed). Any signed-in user; API
         *     clients have none (403).
         */
        get: operations["notification_preferences_get"];
        /**
         * Chooses the caller's notification channels; later notifications follow them. Any
         *     signed-in user; API clients have none (403).
         */
        put: operations["notification_preferences_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in consumer's own appeals, newest first, with keyset paging (anonymous
         *     reports included: only their filer sees them here).
         */
        get: operations["orders_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Changes the caller's password after checking the current one; every session of the
         *     account ends, this one included (sign in again). Any signed-in user.
         */
        put: operations["me_password_change"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Signs out of this session and clears the cookie. Any signed-in user. */
        delete: operations["me_session_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/session/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Completes signing in with a TOTP code or a recovery code; the session cookie is replaced
         *     by one that passed the second factor. Any signed-in account with an authenticator.
         */
        post: operations["me_second_factor_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's live sessions (device, IP, last seen), newest first. Any signed-in user. */
        get: operations["me_sessions_list"];
        put?: never;
        post?: never;
        /** Signs out of every session of this account, this one included. Any signed-in user. */
        delete: operations["me_sessions_delete_all"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/{handle}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revokes one of the caller's own sessions by handle. Any signed-in user; another user's
         *     handle is 404.
         */
        delete: operations["me_sessions_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Starts enrolling an authenticator: a new secret and its `otpauth://` URI. Any signed-in
         *     account without a confirmed authenticator; 409 once one is confirmed.
         */
        post: operations["me_totp_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirms enrolment with the first code from the app; returns recovery codes (once) and
         *     upgrades this session as having passed the second factor. Any signed-in account.
         */
        post: operations["me_totp_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notifications, newest first, rendered in the request's language
         *     (`Accept-Language`). Any signed-in user (consumers and members); API clients have none
         *     (403).
         */
        get: operations["notifications_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Marks notifications read. Only the caller's own change: ids of other users'
         *     notifications are ignored (no error, so ids cannot be probed). Marking read twice changes
         *     nothing. Any signed-in user; API clients have none (403).
         */
        post: operations["notifications_mark_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many of the caller's notifications are unread: what the bell polls (one indexed
         *     count). Any signed-in user; API clients have none (403).
         */
        get: operations["notifications_unread_count"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchanges an API client's credentials for a short-lived bearer token (OAuth2 client
         *     credentials grant, RFC 6749 §4.4). The body is `application/x-www-form-urlencoded` with
         *     `grant_type=client_credentials` and optionally `scope`; the client authenticates with HTTP
         *     Basic (`client_id:client_secret`) or, alternatively, `client_id` and `client_secret` in the
         *     body — not both. Errors are problems carrying the RFC 6749 §5.2 `error` and
         *     `error_description`; `invalid_client` is 401 with `WWW-Authenticate: Basic`. Failed
         *     authentication is limited per client id and per address (429 with `Retry-After`).
         *     A client of a disabled or unapproved organisation gets `unauthorized_client`.
         */
        post: operations["oauth_token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Files a complaint, report, suggestion or consultation (signed-in consumers). The domain
         *     routes it (Art. 13/29/31): the county bureau of the business's division, or the intake
         *     desk of the nearest known upper level; the rule applied is recorded. `both: true` on a
         *     complaint files a linked real-name report too. Send an `Idempotency-Key` (recommended; a
         *     UUID per submission): a retry with the same key and body answers the first result (200);
         *     the same key with another body is 422 `idempotency_key_reused`. Every field is checked
         *     (422 per field, including the credit code's check character, unknown divisions, and
         *     category codes that are unknown, a group rather than a leaf, or retired).
         */
        post: operations["orders_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/bulk-actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assigns a handler or a station to up to 100 orders. Each order goes through the same
         *     machine and checks as `POST /orders/{id}/actions` with its own version as `If-Match`, in
         *     its own transaction, so one order's stale version or refusal fails that order only and
         *     the others are done. The answer is 200 with one result per order, in the request's order
         *     (`ok`, and the new `version` or the `problem`); a request that is wrong as a whole (no
         *     orders, more than 100, a missing field) is 422 and changes nothing.
         */
        post: operations["orders_bulk_act"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One order: for the consumer who filed it (public timeline), staff of the holding unit or
         *     above and of the bureaus above an ODR enterprise a complaint is about (everything,
         *     including who filed it), that ODR enterprise (its members, and its API clients with
         *     `orders:read` or `orders:write`: never a report, never the complainant's identity); 404
         *     for everyone else. Lists the actions the
         *     caller may take now; the `ETag` is the version to send in `If-Match`.
         */
        get: operations["orders_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Takes an action on an order, as decided by the domain's machine: send the version you
         *     loaded in `If-Match` (428 without it, 412 when the order changed since). The next order
         *     and one event are stored in one transaction; when two callers act at once exactly one
         *     wins and the other gets 409. Not allowed for the caller: 403 (404 if they may not see the
         *     order at all); not possible in the present state: 409; data breaking a rule: 422 naming
         *     the field.
         */
        post: operations["orders_act"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/attachments/{attachment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Downloads one evidence file of an order, for exactly those who see the order and its
         *     evidence (the filer; staff of the holding unit or above; the ODR enterprise of a
         *     complaint, never of a report); 404 for everyone else, as for the order itself. Always a
         *     download (`Content-Disposition: attachment`), with the type judged at upload and
         *     `X-Content-Type-Options: nosniff`; supports `Range` and conditional requests.
         */
        get: operations["orders_attachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The dialogue of an order, for its participants: the consumer who filed it, the ODR
         *     enterprise a complaint is about (its members; its API clients with `orders:read`), and
         *     staff who see the order (the holding unit, the units above it, the delegated
         *     association). Internal notes are in the list for staff only. 404 for everyone else, as
         *     for the order itself.
         */
        get: operations["dialogue_list"];
        put?: never;
        /**
         * Posts a message in an order's dialogue. Public messages are accepted while a complaint is
         *     with the enterprise, accepted or in mediation, from the consumer, the business (its
         *     members; its API clients with `orders:write`) and the unit handling it (or the delegated
         *     association); staff who see the order may also post internal notes while it is open,
         *     which the consumer and the business never receive. A closed order's dialogue is
         *     read-only (409 `dialogue_closed`). At most `MESSAGE_RATE_PER_MINUTE` messages per account
         *     a minute (429 `rate_limited` with `Retry-After`). The message reaches live streams on
         *     every server instance.
         */
        post: operations["dialogue_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/messages/attachments/{attachment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Downloads a file carried by a message of the order's dialogue, for the participants who
         *     see such a message (a file sent only in internal notes: staff only); 404 for everyone
         *     else. Always a download (`Content-Disposition: attachment`, `nosniff`).
         */
        get: operations["dialogue_attachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/messages/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Marks the caller's reading of an order's dialogue up to a message: monotonic (an older id
         *     changes nothing) and never past the newest message the caller can see. The other
         *     participants' streams receive the party's new read receipt. API clients keep no read
         *     marks (accepted, nothing changes).
         */
        post: operations["dialogue_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/messages/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The dialogue of an order, live, as server-sent events (`text/event-stream`), for the same
         *     participants as the list. Each new message the caller may see:
         *     `id: <message id>` / `event: message` / `data: <Message JSON>`; a party reading further:
         *     `event: read` / `data: <ReadReceipt JSON>` (no id); a comment `: ping` every 15 s. With
         *     `Last-Event-ID: N` (header, or query `last_event_id=N`) it first sends every message after
         *     N from the database, then live ones: no gaps, no duplicates. Works across server instances
         *     (Redis pub/sub). The stream ends after 10 minutes; `EventSource` reconnects by itself.
         */
        get: operations["dialogue_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an action on an order may name, for a caller who may take it now: for `transfer`
         *     the other market-regulation bureaus (any level; the holder's siblings first), for
         *     `assign_station` the holding county's stations, for `refer_up` the bureau directly above,
         *     for `delegate` the consumer associations of the holder's area (Art. 19), for
         *     `assign_handler` the holding unit's handlers and reviewers (only yourself unless you are
         *     a reviewer). Exactly the candidates `POST /orders/{id}/actions` would accept. Callers who
         *     may not see the order get 404; those who see it but may not take the action 403; an
         *     action not possible in the order's present state 409 (a unit sent an order may not pass
         *     it on, Art. 41).
         */
        get: operations["orders_targets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One organisation in the caller's subtree, with the visible part of its ancestry.
         *     Members of organisations only; outside one's subtree the answer is 404.
         */
        get: operations["organisations_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/api-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The API clients of an organisation, oldest first, without secrets. Administrators of that
         *     enterprise, department or international body (after the second factor); 403 for other
         *     members who can see it, 404 outside the caller's subtree.
         */
        get: operations["api_clients_list"];
        put?: never;
        /**
         * Registers an API client. The answer holds the client secret — the only time it is ever
         *     shown (it is stored hashed). Administrators of that enterprise, department or
         *     international body, after the second factor.
         */
        post: operations["api_clients_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The review queue: applications whose competent bureau is this organisation or lies below
         *     it, newest first, with keyset paging. Reviewers and administrators of a bureau at that
         *     level or above; other members of the subtree get 403, everyone else 404.
         */
        get: operations["applications_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/associations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Creates a consumer association 消协 of a city or county bureau's area, under that bureau
         *     and serving its division: the bureau (and, for a city, the counties below it) may then
         *     delegate mediation to it with both parties' consent (Art. 19). Only that bureau's own
         *     administrators; others in whose subtree the bureau lies get 403, everyone else 404. The
         *     administrator then invites the association's staff (`invitations_create`).
         */
        post: operations["associations_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit records of an organisation's subtree, newest first, with keyset paging.
         *     Administrators and analysts of that organisation or above (after their second factor);
         *     everyone else gets 403, or 404 outside their subtree.
         */
        get: operations["audit_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The units directly below an organisation of the caller's subtree, for the tree browser.
         *     Members of organisations only; outside one's subtree the answer is 404.
         */
        get: operations["organisations_children"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The invitations of an organisation, newest first, whatever their status (open, expired,
         *     accepted, revoked). Administrators of that organisation or of one above it; 404 outside
         *     the caller's subtree.
         */
        get: operations["invitations_list"];
        put?: never;
        /**
         * Invites someone into an organisation: creates the account (status `invited`, no password)
         *     and emails a link valid for 72 hours. Administrators of that organisation or of one above
         *     it; 404 outside the caller's subtree. A taken user name is 409 `username_taken` naming the
         *     field. The answer never contains the link's token.
         */
        post: operations["invitations_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The members of an organisation in the caller's subtree, by name. Members of that
         *     organisation or above; 404 outside the caller's subtree.
         */
        get: operations["members_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/odr-stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The settlement statistics of an ODR enterprise for the complaints dispatched to it in a
         *     period: how many it received, settled, had rejected, let expire or had recalled, its
         *     settlement rate and its average time to a first answer. For the enterprise's own handlers,
         *     reviewers and administrators, and staff (handlers, reviewers, analysts) of the bureaus
         *     above it; 404 for anyone else and for an organisation that is not an enterprise.
         */
        get: operations["organisations_odr_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The orders of an organisation's inbox, by due date (undated last), with keyset paging:
         *     `next` encodes the last order's due date and id, so a page never repeats or skips an order
         *     however the list changes. All filters combine. Which orders: for a bureau or station,
         *     those held in its subtree (handlers, reviewers and analysts of that unit or above); for an
         *     ODR enterprise, the complaints about it (its handlers, reviewers and administrators, its
         *     API clients with `orders:read` or `orders:write`, and staff of the bureaus above it); for
         *     a consumer association, the orders whose mediation was delegated to it (its staff and
         *     staff above it). 404 for anyone else.
         */
        get: operations["orders_inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/orders/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts for an inbox tab bar: the **open** orders of an organisation's subtree that match
         *     the same filters as the inbox (any `state` is ignored), per state, and how many are
         *     overdue. Concluded and archived orders are not counted: they grow without bound, while
         *     open orders are a bounded set, read in one index-only pass (a province's open orders, not
         *     its history). Same access and the same orders as the inbox (a subtree's, the complaints
         *     about an ODR enterprise, or the orders delegated to an association).
         */
        get: operations["orders_counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/stations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Creates a station (所) under a county bureau. Only that county bureau's administrators;
         *     others in whose subtree the county lies get 403, everyone else 404. The county's
         *     administrator then invites the station's staff (`invitations_create`).
         */
        post: operations["stations_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{id}/supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The supervision list 督办 of an organisation's subtree: open orders past their due date,
         *     the longest overdue first, keyset paged, with the holding unit's name. For members of
         *     bureaus above the county who view orders, and a county bureau's leaders (reviewers);
         *     403 for other members who see the organisation, 404 outside the caller's subtree.
         */
        get: operations["orders_supervision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/parked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Parked outgoing messages, newest first. National administrators only (`manage_outbox`). */
        get: operations["outbox_parked_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/{id}/requeue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queues a parked message again with a fresh count of attempts (after the cause was fixed:
         *     a wrong address corrected, the provider back). National administrators only
         *     (`manage_outbox`); 404 when the message is not parked.
         */
        post: operations["outbox_requeue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-resets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sets a new password for a consumer with a confirmed mobile number; every session of the
         *     account ends. Public. Wrong code: 422 on `code`; weak password: 422 on `password`.
         */
        post: operations["password_resets_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Signs in with a password and sets the session cookie. Public. The answer to a wrong
         *     password, an unknown or a disabled account is the same 401 `invalid_credentials`; repeated
         *     failures are answered 429 with `Retry-After`. Accounts that must use a second factor get a
         *     session that can only complete it.
         */
        post: operations["sessions_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disables a member: they can no longer sign in and every session of theirs ends at once.
         *     Administrators of the member's organisation or above, never on their own account.
         */
        post: operations["members_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enables a disabled member. Administrators of the member's organisation or above. */
        post: operations["members_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replaces a member's roles; their sessions end so the new roles apply at once.
         *     Administrators of the member's organisation or above, never on their own account.
         */
        put: operations["members_roles_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/verification-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sends a one-time SMS code for registering or resetting a password. Public. The answer is
         *     the same whether or not the number has an account (nothing is sent when the number cannot
         *     use the purpose); limited to one per minute and ten per day per number (429 with
         *     `Retry-After`).
         */
        post: operations["verification_codes_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow/reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The closed lists of the regulation with their texts in Chinese and English: the grounds
         *     for not accepting an appeal (Art. 16), the reasons for terminating mediation (Art. 23),
         *     the decisions on a check, and the other routes told with a refusal or termination. For
         *     members of organisations (the console's selects); consumers 403.
         */
        get: operations["workflow_reasons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description An action on an order. `action` names it (one of the order's `available_actions`); the
         *     other fields are what that action needs:
         *     `not_accept`: `ground`; `assign_station`: `station_id`; `assign_handler`: `handler_id`;
         *     `transfer`, `refer_up`: `to_id`; `settle`: `recovered_fen`; `record_consent`: `party`,
         *     `consents`; `delegate`: `association_id`; `terminate`: `termination_reason`;
         *     `decide_clue`, `decide_report`: `decision`; `rate`: `score`; `propose_settlement` (the ODR
         *     enterprise): `remedy`, `amount_fen` (required for `refund` and `compensation`), `terms`;
         *     `reject_settlement` (the consumer): `reason`; `accept_enterprise_settlement` (the
         *     consumer) needs nothing: the consumer recovers the pending proposal's amount. `reason` is
         *     free text kept on the event.
         */
        ActionRequest: {
            /** @example accept */
            action: string;
            /**
             * Format: int64
             * @description The proposal's amount in fen (1/100 yuan).
             * @example 128000
             */
            amount_fen?: number | null;
            /** Format: int64 */
            association_id?: number | null;
            consents?: boolean | null;
            decision?: string | null;
            ground?: string | null;
            /** Format: int64 */
            handler_id?: number | null;
            party?: string | null;
            /** @description Up to 2000 characters (required to reject a settlement). */
            reason?: string | null;
            /** Format: int64 */
            recovered_fen?: number | null;
            /**
             * @description `refund`, `replacement`, `repair`, `compensation` or `other`.
             * @example refund
             */
            remedy?: string | null;
            /** Format: int32 */
            score?: number | null;
            /** Format: int64 */
            station_id?: number | null;
            termination_reason?: string | null;
            /** @description The proposal's terms in words, 1 to 2000 characters. */
            terms?: string | null;
            /** Format: int64 */
            to_id?: number | null;
        };
        ActionResult: {
            /** Format: int64 */
            id: number;
            /**
             * Format: int32
             * @description The order's new version.
             */
            version: number;
        };
        /** @description A unit or member the action may name. */
        ActionTarget: {
            /** @description Bureaus: `national`, `province`, `city` or `county`. */
            bureau_level?: string | null;
            division_code?: string | null;
            /**
             * Format: int64
             * @description The organisation's id, or the member's user id (`assign_handler`).
             */
            id: number;
            /** @description `bureau`, `station`, `association` or `member`. */
            kind: string;
            name: string;
            /** @description Members: their roles (`handler`, `reviewer`, ...). */
            roles?: string[];
        };
        ActionTargets: {
            items: components["schemas"]["ActionTarget"][];
        };
        /** @enum {string} */
        ActorKind: "consumer" | "member";
        /** @description An API client, as its administrators see it (never with its secret). */
        ApiClient: {
            /**
             * @description The public client identifier (`wqc_…`), sent as the HTTP Basic user name or
             *     `client_id` at the token endpoint.
             */
            client_id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: int64 */
            created_by?: number | null;
            /** Format: int64 */
            id: number;
            /**
             * Format: date-time
             * @description When the client last obtained a token.
             */
            last_used_at?: string | null;
            name: string;
            /** Format: int64 */
            org_id: number;
            /** Format: date-time */
            revoked_at?: string | null;
            /** Format: date-time */
            rotated_at?: string | null;
            /** @description Granted scopes: `orders:read`, `orders:write`. */
            scopes: string[];
            /**
             * Format: int32
             * @description Which secret is current: 1 at creation, one more at every rotation.
             */
            secret_generation: number;
            /** @description `active` or `revoked`. */
            status: string;
        };
        ApiClientList: {
            items: components["schemas"]["ApiClient"][];
        };
        /** @description A client with its new secret: the only response that ever contains it. */
        ApiClientWithSecret: {
            client: components["schemas"]["ApiClient"];
            /**
             * @description The client secret (`wqs_…`, 256 random bits). Shown this once: store it now; it
             *     cannot be shown again, only replaced by rotating.
             */
            client_secret: string;
        };
        /** @description What the appeal says. */
        AppealDto: {
            /** Format: int64 */
            amount_fen?: number | null;
            /** Format: date */
            bought_on?: string | null;
            business_address?: string | null;
            business_division?: string | null;
            business_name?: string | null;
            /** @description Free text from before the taxonomy existed (older orders only). */
            category?: string | null;
            channel?: string | null;
            conduct_division?: string | null;
            credit_code?: string | null;
            facts: string;
            item?: string | null;
            platform?: string | null;
            platform_division?: string | null;
            problem_type?: components["schemas"]["CategoryRef"] | null;
            request?: string | null;
            subject_category?: components["schemas"]["CategoryRef"] | null;
        };
        /**
         * @description The kind of appeal.
         * @enum {string}
         */
        AppealKindDto: "complaint" | "report" | "suggestion" | "consultation";
        /**
         * @description Who applies.
         * @enum {string}
         */
        ApplicantKindDto: "enterprise" | "department" | "international";
        /** @description Everything the reviewer needs to decide. */
        ApplicationDetail: components["schemas"]["ApplicationSummary"] & {
            admin_display_name: string;
            admin_username: string;
            contact_email: string;
            contact_name: string;
            contact_phone: string;
            /**
             * Format: int64
             * @description The reviewer who decided.
             */
            decided_by?: number | null;
            decision_reason?: string | null;
            description: string;
            /**
             * Format: int64
             * @description The organisation an approval created.
             */
            organisation_id?: number | null;
            timeline: components["schemas"]["TimelineStep"][];
        };
        ApplicationPage: {
            /** @description Newest first. */
            items: components["schemas"]["ApplicationSummary"][];
            /**
             * Format: int64
             * @description Pass as `after` for the next page; null on the last one.
             */
            next?: number | null;
        };
        /** @description What the applicant sees. */
        ApplicationProgress: {
            competent_bureau: components["schemas"]["BureauRef"];
            /** Format: date-time */
            decided_at?: string | null;
            /** @description The bureau's reason, when rejected. */
            decision_reason?: string | null;
            /** @description `enterprise`, `department` or `international`. */
            kind: string;
            name: string;
            /** @description `submitted`, `approved` or `rejected`. */
            status: string;
            /** Format: date-time */
            submitted_at: string;
            /** @description Every step so far, oldest first. */
            timeline: components["schemas"]["TimelineStep"][];
        };
        ApplicationReceipt: {
            competent_bureau: components["schemas"]["BureauRef"];
            /** @description `submitted`. */
            status: string;
            /**
             * @description Shown once (and in the acknowledgement email): the only way to follow the
             *     application. Only its hash is stored.
             * @example WQ-7K3M-Q9TD-2XHC-R4PA
             */
            tracking_code: string;
        };
        ApplicationRequest: {
            /** @description 1 to 100 characters. */
            admin_display_name: string;
            /**
             * @description The first administrator's user name: 3 to 64 of `a-z 0-9 . _ @ -`, starting with a
             *     letter or digit (case is ignored).
             */
            admin_username: string;
            /**
             * @description Departments and international bodies (required): `national` or a province code
             *     (`440000`) whose bureau should review.
             * @example national
             */
            competent_division?: string | null;
            /** @description Receives the acknowledgement, the decision and the first administrator's invitation. */
            contact_email: string;
            /** @description 1 to 100 characters. */
            contact_name: string;
            /** @description 5 to 30 characters: digits, spaces, `+ - ( )`. */
            contact_phone: string;
            /**
             * @description Enterprises only (required): the 18-character unified social credit code.
             * @example 9144030071526726XG
             */
            credit_code?: string | null;
            /** @description Anything the bureau should know, up to 2000 characters. */
            description?: string | null;
            kind: components["schemas"]["ApplicantKindDto"];
            /**
             * @description The organisation's name (Chinese, or its own language), 1 to 200 characters.
             * @example 深圳市某某电子商务有限公司
             */
            name: string;
            /** @description Its English name, up to 200 characters. */
            name_en?: string | null;
            /**
             * @description Enterprises (required): the county-level division where it is registered.
             * @example 440305
             */
            registered_division?: string | null;
        };
        /** @description An application in the review queue. */
        ApplicationSummary: {
            competent_bureau: components["schemas"]["BureauRef"];
            credit_code?: string | null;
            /** Format: date-time */
            decided_at?: string | null;
            /** Format: int64 */
            id: number;
            /** @description `enterprise`, `department` or `international`. */
            kind: string;
            name: string;
            name_en?: string | null;
            registered_division?: string | null;
            /** @description `submitted`, `approved` or `rejected`. */
            status: string;
            /** Format: date-time */
            submitted_at: string;
        };
        AssociationCreate: {
            /**
             * @description 1 to 200 characters.
             * @example 深圳市南山区消费者委员会
             */
            name: string;
            /** @description Up to 200 characters. */
            name_en?: string | null;
        };
        /** @description One evidence file. */
        AttachmentDto: {
            /**
             * @description The name it is shown and downloaded under (an anonymous report's evidence is named
             *     `evidence-<n>.<ext>` for everyone but the reporter).
             * @example 发票.jpg
             */
            file_name: string;
            /** Format: int64 */
            id: number;
            /**
             * @description Judged from the content: `image/jpeg`, `image/png`, `image/gif`, `image/webp`,
             *     `image/heic`, `image/heif` or `application/pdf`.
             * @example image/jpeg
             */
            media_type: string;
            /** Format: int64 */
            size_bytes: number;
        };
        /** @enum {string} */
        AudienceDto: "consumer" | "staff";
        AuditEntry: {
            action: string;
            /** @description `anonymous`, `consumer`, `member`, `client` or `system`. */
            actor_kind: string;
            /** @description The actor's login: a staff user name, or a consumer's masked phone. */
            actor_login?: string | null;
            /** @description The actor's display name. */
            actor_name?: string | null;
            /** Format: int64 */
            actor_org_id?: number | null;
            /** Format: int64 */
            actor_user_id?: number | null;
            /** Format: date-time */
            at: string;
            detail: Record<string, never>;
            /** Format: int64 */
            id: number;
            ip?: string | null;
            outcome: string;
            subject?: string | null;
            user_agent?: string | null;
        };
        AuditPage: {
            /** @description Newest first. */
            items: components["schemas"]["AuditEntry"][];
            /** @description Pass as `after` for the next page; null on the last one. */
            next?: string | null;
        };
        /** @enum {string} */
        BranchDto: "goods" | "services";
        /**
         * @description The actions that may be taken in bulk.
         * @enum {string}
         */
        BulkAction: "assign_handler" | "assign_station";
        /** @description What happened to one order. */
        BulkItemResult: {
            /** Format: int64 */
            id: number;
            ok: boolean;
            problem?: components["schemas"]["Problem"] | null;
            /**
             * Format: int32
             * @description The order's new version, when done.
             */
            version?: number | null;
        };
        /** @description An order and the version the caller loaded. */
        BulkOrder: {
            /** Format: int64 */
            id: number;
            /** Format: int32 */
            version: number;
        };
        /** @description One action for up to 100 orders. */
        BulkRequest: {
            action: components["schemas"]["BulkAction"];
            /**
             * Format: int64
             * @description For `assign_handler`.
             */
            handler_id?: number | null;
            /** @description 1 to 100 orders, each once. */
            orders: components["schemas"]["BulkOrder"][];
            /** @description Up to 2000 characters, kept on each order's event. */
            reason?: string | null;
            /**
             * Format: int64
             * @description For `assign_station`.
             */
            station_id?: number | null;
        };
        /** @description The result of each order, in the request's order. */
        BulkResponse: {
            results: components["schemas"]["BulkItemResult"][];
        };
        /** @description The bureau that reviews an application. */
        BureauRef: {
            division_code?: string | null;
            /** Format: int64 */
            id: number;
            /** @description `national`, `province`, `city` or `county`. */
            level?: string | null;
            name: string;
            name_en?: string | null;
        };
        /** @description The business the appeal is about. */
        BusinessDto: {
            /** @description Street address, up to 300 characters. */
            address?: string | null;
            channel?: components["schemas"]["ChannelDto"] | null;
            /**
             * @description The 18-character unified social credit code, if known (its check character is
             *     verified).
             */
            credit_code?: string | null;
            /**
             * @description The division where it does business (a merchant on a platform: the address it
             *     publishes there); county level routes to that county, a city or province to its
             *     intake desk.
             * @example 440305
             */
            division?: string | null;
            /**
             * @description 1 to 200 characters.
             * @example 深圳市某某餐饮有限公司
             */
            name: string;
            /** @description The e-commerce platform it sold through, 1 to 200 characters. */
            platform?: string | null;
            /** @description The platform operator's registered division. */
            platform_division?: string | null;
        };
        /** @description A year with its dates. */
        CalendarYear: components["schemas"]["CalendarYearSummary"] & {
            /** @description By date; empty while provisional. */
            days: components["schemas"]["HolidayDto"][];
        };
        /** @description A year in the list. */
        CalendarYearSummary: {
            /** Format: date-time */
            entered_at?: string | null;
            /**
             * Format: int64
             * @description The member who entered it; null for reference data loaded at installation.
             */
            entered_by?: number | null;
            /**
             * Format: int64
             * @description Public holidays listed.
             */
            holidays: number;
            /** @description Where the dates come from (the State Council notice). */
            source?: string | null;
            /**
             * @description `entered`, or `provisional` when no schedule is entered: due dates crossing the year
             *     are counted on weekdays alone and marked provisional until it is.
             */
            status: string;
            /**
             * Format: int64
             * @description Make-up working days listed.
             */
            workdays: number;
            /** Format: int32 */
            year: number;
        };
        /**
         * @description What the admin SPA may show: menus and routes come from this list.
         * @enum {string}
         */
        CapabilityDto: "view_org_tree" | "manage_members" | "create_station" | "review_applications" | "manage_api_clients" | "search_audit" | "manage_taxonomy" | "view_calendar" | "manage_calendar" | "view_orders" | "supervise" | "view_odr_stats" | "manage_outbox" | "create_association";
        /** @description Goods (商品) or services (服务). */
        CategoryBranch: {
            /** @description `goods` or `services`; group codes start with `G` or `S`. */
            branch: string;
            groups: components["schemas"]["CategoryGroup"][];
            name_en: string;
            name_zh: string;
        };
        /** @description A category or problem type. */
        CategoryDto: {
            /** @description Retired categories cannot be chosen for new orders; orders keep them. */
            active: boolean;
            /**
             * @description Stable code: `G01` a group of goods, `S01` of services, `G0101` a leaf under its group,
             *     `P01` a problem type.
             * @example G0101
             */
            code: string;
            /** @description `subject` or `problem`. */
            kind: string;
            name_en: string;
            name_zh: string;
            /** @description A leaf's group. */
            parent_code?: string | null;
            /**
             * Format: int32
             * @description Order among its siblings (ascending).
             */
            position: number;
        };
        /** @description A group of goods or services with its leaf categories. */
        CategoryGroup: components["schemas"]["CategoryDto"] & {
            /** @description The leaves an order may carry, by position. */
            children: components["schemas"]["CategoryDto"][];
        };
        /** @description A leaf's group. */
        CategoryGroupRef: {
            code: string;
            name_en?: string | null;
            name_zh?: string | null;
        };
        /** @description A taxonomy code with its names as they are now (retired ones included). */
        CategoryRef: {
            active: boolean;
            /** @example S0101 */
            code: string;
            group?: components["schemas"]["CategoryGroupRef"] | null;
            name_en?: string | null;
            name_zh?: string | null;
        };
        /** @description The whole taxonomy. */
        CategoryTree: {
            problem_types: components["schemas"]["CategoryDto"][];
            /** @description Goods, then services. */
            subjects: components["schemas"]["CategoryBranch"][];
        };
        /** @description What to change; at least one field. */
        CategoryUpdate: {
            /**
             * @description `false` retires it (new orders cannot choose it; a retired group hides its leaves),
             *     `true` reactivates it. Codes are never deleted.
             */
            active?: boolean | null;
            /** @description Rename (1 to 100 characters). */
            name_en?: string | null;
            /** @description Rename (1 to 50 characters). */
            name_zh?: string | null;
            /**
             * Format: int32
             * @description Reorder among its siblings (0 to 1,000,000).
             */
            position?: number | null;
        };
        /**
         * @description How the business sells.
         * @enum {string}
         */
        ChannelDto: "offline" | "ecommerce_operator" | "platform_merchant";
        ClientOrg: {
            /** Format: int64 */
            id: number;
            /** @description `enterprise`, `department` or `international`. */
            kind: string;
            name: string;
        };
        /** @description The API client a bearer token speaks for. */
        ClientSelf: {
            /** @description The public client identifier (`wqc_…`). */
            client_id: string;
            name: string;
            org: components["schemas"]["ClientOrg"];
            /** @description The scopes this token carries (as still granted). */
            scopes: string[];
            /**
             * Format: int64
             * @description When this token expires (Unix seconds).
             */
            token_expires_at: number;
        };
        /** @enum {string} */
        CodePurpose: "register" | "reset_password";
        CodeRequest: {
            /**
             * @description 11-digit mainland mobile number.
             * @example 13812345678
             */
            phone: string;
            purpose: components["schemas"]["CodePurpose"];
        };
        CodeSent: {
            /** Format: int64 */
            expires_in_seconds: number;
            /** Format: int64 */
            resend_after_seconds: number;
        };
        /** @description One order created. */
        CreatedOrder: {
            /** Format: date */
            due_on?: string | null;
            holder_name: string;
            /** Format: int64 */
            holder_org_id: number;
            /** Format: int64 */
            id: number;
            kind: components["schemas"]["AppealKindDto"];
            number: string;
            /** @description The routing rule applied (`place_of_business`, ..., `intake_desk`). */
            routing_rule: string;
            state: string;
        };
        /**
         * @description What a date is in the schedule.
         * @enum {string}
         */
        DayKindDto: "off" | "work";
        /** @description A period running on the order. */
        DeadlineDto: {
            /**
             * Format: date
             * @description The last day; null while the clock is stopped (testing or appraisal).
             */
            due_on?: string | null;
            /** @description `acceptance`, `enterprise_settlement`, `mediation`, `report_check` or `clue_check`. */
            kind: string;
            provisional: boolean;
            stopped: boolean;
        };
        DecisionResult: {
            /**
             * Format: int64
             * @description The organisation an approval created.
             */
            organisation_id?: number | null;
            /** @description `approved` or `rejected`. */
            status: string;
        };
        DependencyCheck: {
            /**
             * Format: double
             * @description Round-trip time of the check in milliseconds.
             */
            latency_ms: number;
            ok: boolean;
        };
        DependencyChecks: {
            postgres: components["schemas"]["DependencyCheck"];
            redis: components["schemas"]["DependencyCheck"];
        };
        /**
         * @description One event of the stream, as the `text/event-stream` framing carries it (OpenAPI 3.1: the
         *     schema of a server-sent-event response describes each event).
         */
        DialogueEvent: {
            /** @description The JSON of a `Message` (`message`) or a `ReadReceipt` (`read`). */
            data: string;
            /** @description `message` or `read`. */
            event: string;
            /** @description The message id (what `Last-Event-ID` sends back); `message` events only. */
            id?: string;
        };
        /** @description A page of an order's dialogue, with what the caller may do and how far everyone read. */
        DialogueView: {
            /** @description The caller may post a public message now. */
            can_post: boolean;
            /** @description The caller may post an internal note now (staff, while the order is open). */
            can_post_internal: boolean;
            /** @description Oldest first. */
            items: components["schemas"]["Message"][];
            /**
             * Format: int64
             * @description The id of the last message the caller marked read (null: none yet, or an API client).
             */
            my_read_up_to?: number | null;
            /**
             * @description The dialogue accepts public messages now (a complaint with the enterprise, accepted or
             *     in mediation); a closed order's dialogue is read-only.
             */
            open: boolean;
            /** @description How far each party of this dialogue has read (no business on a report). */
            read_receipts: components["schemas"]["ReadReceipt"][];
            /**
             * Format: int64
             * @description Messages after `my_read_up_to` that others wrote.
             */
            unread: number;
        };
        Division: {
            /**
             * @description Six-digit GB/T 2260 code.
             * @example 440305
             */
            code: string;
            /** @description Whether the unit has children (a picker stops where this is false). */
            has_children: boolean;
            level: components["schemas"]["DivisionLevel"];
            /** @example 南山区 */
            name: string;
            /**
             * @description The parent unit; null for a province. A county may hang directly under its province
             *     (municipalities, directly administered county-level units).
             * @example 440300
             */
            parent_code?: string | null;
        };
        DivisionDetail: components["schemas"]["Division"] & {
            /** @description From the province down to the parent; empty for a province. */
            ancestors: components["schemas"]["Division"][];
        };
        /** @enum {string} */
        DivisionLevel: "province" | "city" | "county";
        DivisionList: {
            /** @description Ordered by code. */
            items: components["schemas"]["Division"][];
        };
        /** @description The year as stored, and what entering it changed. */
        EnteredYear: components["schemas"]["CalendarYear"] & {
            /** @description Of those, the ones whose due date or provisional mark changed. */
            orders_changed: number;
            /** @description Open orders whose due date was recomputed. */
            orders_recomputed: number;
        };
        /**
         * @description Stable, machine-readable error codes. Clients switch on these, never on messages.
         * @enum {string}
         */
        ErrorCode: "malformed_request" | "validation_failed" | "not_found" | "method_not_allowed" | "payload_too_large" | "unsupported_media_type" | "attachment_type_unsupported" | "unauthorized" | "invalid_credentials" | "second_factor_required" | "csrf_token_invalid" | "forbidden" | "insufficient_scope" | "conflict" | "username_taken" | "invitation_invalid" | "application_duplicate" | "precondition_failed" | "precondition_required" | "idempotency_key_reused" | "too_many_requests" | "rate_limited" | "dialogue_closed" | "invalid_client" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope" | "invalid_token" | "service_unavailable" | "internal_error";
        /** @description One invalid field. `field` is a JSON pointer-like path (`codes[2]`, `parent`). */
        FieldError: {
            /** @description A stable snake_case reason, e.g. `required`, `length`, `division_code`. */
            code: string;
            field: string;
            message: string;
            message_zh: string;
        };
        /** @description Who filed it (staff only). */
        FilerDto: {
            /** @description The postal address given with the appeal. */
            address?: string | null;
            /** @description An anonymous report: nothing else is known. */
            anonymous: boolean;
            display_name?: string | null;
            phone?: string | null;
            /** Format: int64 */
            user_id?: number | null;
        };
        /** @description One dated entry of a year. */
        HolidayDto: {
            /** Format: date */
            date: string;
            kind: components["schemas"]["DayKindDto"];
            /** @description The name in English (optional, 1 to 100 characters). */
            name_en?: string | null;
            /** @description The name in Chinese, e.g. 春节 or 春节调休 (1 to 50 characters). */
            name_zh: string;
        };
        /** @description An invitation as administrators see it. Never carries the token. */
        Invitation: {
            /** Format: date-time */
            created_at: string;
            display_name: string;
            email: string;
            /** Format: date-time */
            expires_at: string;
            /** Format: int64 */
            id: number;
            /**
             * Format: int64
             * @description The member who invited, if any (approved applications are invited by the platform).
             */
            invited_by?: number | null;
            /** Format: int64 */
            organisation_id: number;
            organisation_name: string;
            roles: components["schemas"]["RoleDto"][];
            /**
             * Format: int32
             * @description How many times the link was sent (1 + resends).
             */
            sent_count: number;
            /**
             * @description `open`, `expired`, `accepted` or `revoked`.
             * @example open
             */
            status: string;
            /**
             * Format: int64
             * @description The invited account.
             */
            user_id: number;
            username: string;
        };
        InvitationAccept: {
            /**
             * @description The account's first password: 8 to 128 characters, not a common password, not the
             *     user name.
             */
            password: string;
            /** @description The token from the link's fragment (`#token=…`). */
            token: string;
        };
        InvitationCreate: {
            /**
             * @description 1 to 100 characters.
             * @example 王五
             */
            display_name: string;
            /**
             * @description Where the invitation link is sent.
             * @example wangwu@example.cn
             */
            email: string;
            /** @description The language of the email: `zh-CN` (default) or `en`. */
            locale?: string | null;
            /** @description At least one of `handler`, `reviewer`, `org_admin`, `analyst`. */
            roles: string[];
            /**
             * @description The login name: 3 to 64 of a-z, 0-9, `.`, `_`, `@`, `-` (stored in lower case).
             * @example shekou.handler2
             */
            username: string;
        };
        InvitationList: {
            items: components["schemas"]["Invitation"][];
        };
        /** @description Whom an open invitation is for, so the acceptance page can say so. */
        InvitationPreview: {
            display_name: string;
            /** Format: date-time */
            expires_at: string;
            organisation_name: string;
            username: string;
        };
        InvitationToken: {
            /** @description The token from the link's fragment (`#token=…`). */
            token: string;
        };
        Liveness: {
            /** @description Always `ok` when the process answers. */
            status: string;
            /** @description The server's version. */
            version: string;
        };
        LookupRequest: {
            codes: string[];
        };
        LookupResult: {
            /** @description The divisions found, ordered by code. */
            items: components["schemas"]["Division"][];
            /** @description Well-formed codes that name no division. */
            missing: string[];
        };
        /** @description Which notifications to mark read: `ids` (1 to 500 of the caller's own), or `all: true`. */
        MarkReadRequest: {
            all?: boolean | null;
            ids?: number[] | null;
        };
        Me: {
            capabilities: components["schemas"]["CapabilityDto"][];
            /** @description Send this in `X-CSRF-Token` with every state-changing request. */
            csrf_token: string;
            display_name: string;
            kind: components["schemas"]["ActorKind"];
            org?: components["schemas"]["OrgSummary"] | null;
            /** @description Consumers: the mobile number, masked (`138****5678`). */
            phone_masked?: string | null;
            roles: components["schemas"]["RoleDto"][];
            /** @description Whether this session has done so. */
            second_factor_passed: boolean;
            /** @description Whether this account must confirm sign-in with a TOTP code. */
            second_factor_required: boolean;
            /**
             * Format: int64
             * @description When the session ends regardless of activity (Unix seconds).
             */
            session_expires_at: number;
            /** Format: int64 */
            user_id: number;
            username?: string | null;
        };
        Member: {
            display_name: string;
            /** Format: int64 */
            id: number;
            /**
             * @description Whether the caller may disable, enable or change the roles of this member (the
             *     domain's `may_administer_member`: administrators of the subtree, never on their own
             *     account). The console shows those actions only where this is true.
             */
            manageable: boolean;
            roles: components["schemas"]["RoleDto"][];
            /** @description `invited`, `active` or `disabled`. */
            status: string;
            /** @description Whether an authenticator is enrolled. */
            totp_enabled: boolean;
            username?: string | null;
        };
        MemberList: {
            items: components["schemas"]["Member"][];
        };
        /** @description One message of an order's dialogue. */
        Message: {
            attachments: components["schemas"]["MessageAttachment"][];
            author: components["schemas"]["MessageAuthor"];
            body: string;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: int64
             * @description Increasing within an order (and the stream's event id).
             */
            id: number;
            /** @description An internal note: only staff ever receive it. */
            internal: boolean;
            /** Format: int64 */
            order_id: number;
        };
        /** @description A file a message carries. */
        MessageAttachment: {
            /**
             * Format: int64
             * @description Download it at `/api/v1/orders/{order_id}/messages/attachments/{id}`.
             */
            id: number;
            /** @example image/jpeg */
            media_type: string;
            /** @example 发票.jpg */
            name: string;
            /**
             * Format: int64
             * @description Bytes.
             */
            size: number;
        };
        /** @description Who wrote a message, as the reader may see it. */
        MessageAuthor: {
            /** @description Written by the caller (the same account or API client). */
            mine: boolean;
            /**
             * @description The name shown: the consumer's name to staff and to themselves, `消费者` to the
             *     business (which never learns who complained); the unit's name for staff and business;
             *     `系统` for the platform.
             * @example 南山区市场监督管理局
             */
            name: string;
            /**
             * @description The organisation the author spoke for (staff, business); null for the consumer and the
             *     platform.
             */
            org_name?: string | null;
            party: components["schemas"]["PartyDto"];
        };
        NewApiClient: {
            /** @description What the client is, for the administrators (1–100 characters), e.g. "订单系统对接". */
            name: string;
            /** @description At least one of the scopes this organisation may grant: `orders:read`, `orders:write`. */
            scopes: string[];
        };
        /**
         * @description What kind of category to create.
         * @enum {string}
         */
        NewCategoryKind: "group" | "leaf" | "problem";
        NewCategoryRequest: {
            branch?: components["schemas"]["BranchDto"] | null;
            /**
             * @description A code of one's choosing (it must fit and never have been used); the next free one
             *     when omitted.
             */
            code?: string | null;
            kind: components["schemas"]["NewCategoryKind"];
            /** @description 1 to 100 characters. */
            name_en: string;
            /** @description 1 to 50 characters. */
            name_zh: string;
            /** @description Leaves: the group's code (e.g. `G01`). */
            parent_code?: string | null;
            /**
             * Format: int32
             * @description Order among its siblings; after the last one when omitted.
             */
            position?: number | null;
        };
        /** @description A message to post. */
        NewMessage: {
            /**
             * @description Up to 9 of the caller's own uploads (`POST /api/v1/attachments`), new or already used
             *     elsewhere.
             */
            attachments?: number[];
            /**
             * @description 1 to 2,000 characters after trimming.
             * @example 您好，我们已核实情况，同意全额退款。
             */
            body: string;
            /** @description An internal note, for staff only (default false). */
            internal?: boolean;
        };
        /**
         * @description One notification, its text in the language of the request (`Accept-Language`: English when
         *     it starts with `en`, Chinese otherwise).
         */
        NotificationDto: {
            body: string;
            /** Format: date-time */
            created_at: string;
            /** Format: int64 */
            id: number;
            /**
             * @description What happened, e.g. `order_accepted`, `settlement_proposed`, `order_overdue`,
             *     `new_message` (texts: `domain/src/notify/in_app.rs`).
             */
            kind: string;
            /**
             * Format: int64
             * @description The order it is about, to link to.
             */
            order_id?: number | null;
            /**
             * Format: date-time
             * @description When the user marked it read; null while unread.
             */
            read_at?: string | null;
            title: string;
        };
        /** @description A page of notifications with the unread count. */
        NotificationPage: {
            /** @description Newest first. */
            items: components["schemas"]["NotificationDto"][];
            /**
             * Format: int64
             * @description Unread notifications in all (not only on this page).
             */
            unread: number;
        };
        /**
         * @description The channels the user wants besides the app (which is always on). Messages go to the
         *     account's email address or mobile number, when it has one.
         */
        NotificationPreferences: {
            email: boolean;
            sms: boolean;
        };
        /** @description The complaint's time with the ODR enterprise 企业自行和解. */
        OdrDto: {
            /**
             * Format: date
             * @description The day it went to the enterprise (intake, or the bureau's dispatch).
             */
            dispatched_on: string;
            /**
             * Format: date
             * @description The last of its 10 working days.
             */
            due_on?: string | null;
            /** Format: date-time */
            ended_at?: string | null;
            enterprise_name: string;
            /** Format: int64 */
            enterprise_org_id: number;
            /**
             * Format: date-time
             * @description The enterprise's first answer (its first proposal or dialogue message).
             */
            first_answer_at?: string | null;
            /**
             * @description Null while with the enterprise; then `settled`, `rejected`, `expired`, `recalled` (the
             *     bureau pulled it back) or `withdrawn`.
             */
            outcome?: string | null;
            proposal?: components["schemas"]["ProposalDto"] | null;
        };
        /**
         * @description An approved ODR enterprise: it receives complaints about itself and tries to settle them
         *     before the bureau handles them.
         */
        OdrEnterprise: {
            /** @example 91440305MA5FWQ001Q */
            credit_code: string;
            /** @example 深圳市某电商有限公司 */
            name: string;
        };
        /** @description An ODR enterprise's settlement record over a period. */
        OdrStats: {
            /**
             * Format: double
             * @description Average hours from dispatch to the enterprise's first answer (first proposal or
             *     dialogue message), over the answered ones; null when none was answered.
             */
            avg_first_answer_hours?: number | null;
            /**
             * Format: int64
             * @description Not settled within the 10 working days.
             */
            expired: number;
            /** Format: date */
            from: string;
            /**
             * Format: int64
             * @description Of those, still with it.
             */
            open: number;
            /**
             * Format: int64
             * @description Pulled back by the bureau.
             */
            recalled: number;
            /**
             * Format: int64
             * @description Complaints that went to the enterprise in the period.
             */
            received: number;
            /**
             * Format: int64
             * @description Rejected by the consumer (or sent by them to the bureau without an answer).
             */
            rejected: number;
            /**
             * Format: int64
             * @description Accepted by the consumer.
             */
            settled: number;
            /**
             * Format: double
             * @description `settled / (settled + rejected + expired + recalled)`, 0 to 1; null before any ended.
             */
            settlement_rate?: number | null;
            /** Format: date */
            to: string;
            /**
             * Format: int64
             * @description Withdrawn by the consumer.
             */
            withdrawn: number;
        };
        /** @description How many open orders an inbox holds. */
        OrderCounts: {
            /**
             * @description Per open state (`received`, `with_enterprise`, `accepted`, `mediating`, `checking`),
             *     every one present, 0 when none.
             */
            by_state: {
                [key: string]: number;
            };
            /**
             * Format: int64
             * @description Of `total`, those past their due date.
             */
            overdue: number;
            /**
             * Format: int64
             * @description Open orders matching the filters.
             */
            total: number;
        };
        OrderDto: {
            appeal?: components["schemas"]["AppealDto"] | null;
            /**
             * @description Evidence, in the order it was submitted (download each at
             *     `/api/v1/orders/{id}/attachments/{attachment_id}`); a business never sees a report's.
             */
            attachments: components["schemas"]["AttachmentDto"][];
            /** @description The actions the caller may take now (`domain::workflow::available`). */
            available_actions: string[];
            /** @description For a concluded or archived order: how it ended (`outcome` and its data). */
            conclusion?: Record<string, never> | null;
            deadlines: components["schemas"]["DeadlineDto"][];
            /** Format: date */
            due_on?: string | null;
            due_provisional: boolean;
            /**
             * Format: date-time
             * @description When the order was last escalated to the upper level's supervision list for being
             *     overdue (null if never).
             */
            escalated_at?: string | null;
            filer?: components["schemas"]["FilerDto"] | null;
            /**
             * Format: int64
             * @description Staff only.
             */
            handler_id?: number | null;
            holder_name: string;
            /** Format: int64 */
            holder_org_id: number;
            /** Format: int64 */
            id: number;
            kind: string;
            /** Format: int64 */
            linked_order_id?: number | null;
            number: string;
            odr?: components["schemas"]["OdrDto"] | null;
            overdue: boolean;
            /** Format: int32 */
            rating?: number | null;
            /** Format: date */
            received_on: string;
            routing_intended?: string | null;
            /** @description Staff only: the routing rule applied and the one intended when it fell back. */
            routing_rule?: string | null;
            /** @description The rule set it is judged by: `order121` or `interim2019`. */
            rules: string;
            /**
             * @description Staff viewing a complaint only (empty otherwise): Art. 17 signals, computed when the
             *     order is opened. Facts to weigh, never a decision.
             */
            signals: components["schemas"]["SignalDto"][];
            state: string;
            /** @description Public events for the consumer and the enterprise; every event for staff. */
            timeline: components["schemas"]["OrderEvent"][];
            /**
             * Format: int32
             * @description Send it in `If-Match` with an action (also the `ETag`).
             */
            version: number;
            /** @description `filer`, `staff` or `enterprise`: how much of the order this caller sees. */
            view: string;
        };
        /** @description One step on an order's timeline. */
        OrderEvent: {
            /** @description `received`, or the action taken (`accept`, `assign_handler`, ...). */
            action: string;
            /** @description `consumer`, `member`, `client` or `scheduler`. */
            actor_kind: string;
            /**
             * Format: int64
             * @description The organisation that acted (staff view only).
             */
            actor_org_id?: number | null;
            /** Format: date-time */
            at: string;
            from_state?: string | null;
            /** @description Whether the consumer sees this event. */
            public: boolean;
            reason?: string | null;
            /** Format: int32 */
            seq: number;
            to_state: string;
        };
        /** @description A page of orders. */
        OrderPage: {
            items: components["schemas"]["OrderSummary"][];
            /** @description Pass as `after` for the next page; null on the last one. */
            next?: string | null;
        };
        OrderReceipt: {
            /** @description One order, or two (a complaint and its linked report) for `both`. */
            orders: components["schemas"]["CreatedOrder"][];
        };
        OrderRequest: {
            /**
             * Format: int64
             * @description Complaints: the amount paid, in fen (1/100 yuan), 0 to 10¹².
             */
            amount_fen?: number | null;
            /**
             * @description Reports only: file without your name; you still follow it in your own list, but you
             *     are not told the outcome and staff never see who you are.
             */
            anonymous?: boolean;
            /**
             * @description Evidence: ids of your own uploads (`POST /api/v1/attachments`) not yet used by another
             *     submission, at most 9, each once; attached to every order this creates.
             */
            attachments?: number[];
            /** @description Complaints: also report it (two linked orders: the complaint and a real-name report). */
            both?: boolean;
            /**
             * Format: date
             * @description Complaints: when (not in the future).
             */
            bought_on?: string | null;
            business?: components["schemas"]["BusinessDto"] | null;
            /** @description Reports: where the conduct happened. */
            conduct_division?: string | null;
            /**
             * @description Your postal address (通讯地址, Art. 10), up to 300 characters; not for anonymous
             *     reports.
             */
            contact_address?: string | null;
            /**
             * @description The mobile number to reach you about this appeal, if not your account's (Art. 10);
             *     not for anonymous reports.
             */
            contact_phone?: string | null;
            /** @description Complaints about an approved ODR enterprise: send it to the enterprise first. */
            enterprise_first?: boolean;
            /** @description What happened, 1 to 5000 characters. */
            facts: string;
            /** @description Complaints (required): what was bought, 1 to 200 characters. */
            item?: string | null;
            kind: components["schemas"]["AppealKindDto"];
            /**
             * @description The problem type code (e.g. `P01` quality). Required for complaints and reports
             *     (a report is about a violation, which need not involve a purchase); optional for
             *     suggestions and consultations.
             * @example P01
             */
            problem_type?: string | null;
            /** @description Complaints (required): what you ask for, 1 to 2000 characters. */
            request?: string | null;
            /**
             * @description The goods or services category: a leaf code of `GET /api/v1/categories` (e.g.
             *     `S0101`). Required for complaints; optional for the other kinds.
             * @example S0101
             */
            subject_category?: string | null;
        };
        /** @description An order in a list. */
        OrderSummary: {
            /** @description Staff lists only: the business named in the appeal. */
            business_name?: string | null;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date
             * @description The current due date (the earliest running period), if any.
             */
            due_on?: string | null;
            /** @description The due date crossed a year without an entered holiday schedule. */
            due_provisional: boolean;
            /**
             * Format: date-time
             * @description Staff lists only: when the order was last escalated to the upper level's
             *     supervision list (overdue); absent when never.
             */
            escalated_at?: string | null;
            /** @description Staff lists only: the name of the unit holding the order. */
            holder_name?: string | null;
            /** Format: int64 */
            holder_org_id: number;
            /** Format: int64 */
            id: number;
            /** @description `complaint`, `report`, `suggestion` or `consultation`. */
            kind: string;
            /** @description The public order number, e.g. `WQ20261129000123`. */
            number: string;
            /** @description Past its due date today. */
            overdue: boolean;
            /** Format: date */
            received_on: string;
            /**
             * @description `received`, `with_enterprise`, `accepted`, `mediating`, `checking`, `concluded` or
             *     `archived`.
             */
            state: string;
            /** @description Staff lists only: the appeal's subject category code (complaints), e.g. `G0101`. */
            subject_category?: string | null;
            /** Format: int32 */
            version: number;
        };
        OrgSummary: {
            /** @description For bureaus: `national`, `province`, `city` or `county`. */
            bureau_level?: string | null;
            division_code?: string | null;
            /** Format: int64 */
            id: number;
            /** @description `bureau`, `station`, `association`, `department`, `international` or `enterprise`. */
            kind: string;
            name: string;
        };
        Organisation: {
            /** @description For bureaus: `national`, `province`, `city` or `county`. */
            bureau_level?: string | null;
            /** @description Enterprises: unified social credit code. */
            credit_code?: string | null;
            division_code?: string | null;
            has_children: boolean;
            /** Format: int64 */
            id: number;
            /** @description `bureau`, `station`, `association`, `department`, `international` or `enterprise`. */
            kind: string;
            name: string;
            name_en?: string | null;
            /** @description Enterprises: `approved` or `suspended` for online dispute resolution. */
            odr_status?: string | null;
            /** Format: int64 */
            parent_id?: number | null;
            /** @description `active` or `disabled`. */
            status: string;
        };
        OrganisationDetail: components["schemas"]["Organisation"] & {
            /**
             * @description From the root down to the parent, limited to what the caller may see (their own
             *     organisation and below).
             */
            ancestors: components["schemas"]["Organisation"][];
        };
        OrganisationList: {
            items: components["schemas"]["Organisation"][];
        };
        /** @description A message the relay gave up on. */
        ParkedMessage: {
            /** Format: int32 */
            attempts: number;
            /** @description `sms` or `email`. */
            channel: string;
            /** Format: date-time */
            created_at: string;
            /** Format: int64 */
            id: number;
            /**
             * Format: date-time
             * @description When the last attempt was due.
             */
            last_attempt_at: string;
            /** @description The last failure as the sender reported it. */
            last_error?: string | null;
            locale: string;
            /** @description The recipient, masked (`138****5678`, `z***@example.com`). */
            recipient: string;
            /** @description The template id, e.g. `order_progress`. */
            template: string;
        };
        /**
         * @description A side of the dialogue.
         * @enum {string}
         */
        PartyDto: "consumer" | "business" | "mediator" | "system";
        PasswordChange: {
            current_password: string;
            /** @description 8 to 128 characters; not a common password, not the phone number or user name. */
            new_password: string;
        };
        /** @description An RFC 9457 problem document. */
        Problem: {
            code: components["schemas"]["ErrorCode"];
            /** @description What went wrong, in English. */
            detail: string;
            /** @description What went wrong, in Chinese. */
            detail_zh: string;
            /**
             * @description OAuth2 error responses only (the token endpoint, RFC 6749 §5.2): `invalid_request`,
             *     `invalid_client`, `unauthorized_client`, `unsupported_grant_type` or `invalid_scope`.
             */
            error?: string | null;
            /** @description OAuth2 error responses only: the English `detail` again, under RFC 6749's name. */
            error_description?: string | null;
            /** @description The invalid fields, for `validation_failed`. */
            errors?: components["schemas"]["FieldError"][];
            /** Format: int32 */
            status: number;
            /** @description Short English summary of the status. */
            title: string;
            /** @description A URI reference naming the problem type: `/problems/{code}`. */
            type: string;
            /** @description The dependencies that are down, for `service_unavailable` (`postgres`, `redis`). */
            unavailable?: string[];
        };
        ProfileUpdate: {
            /** @description 1 to 50 characters. */
            display_name: string;
        };
        /** @description The enterprise's settlement proposal (the latest one). */
        ProposalDto: {
            /**
             * Format: int64
             * @description In fen (1/100 yuan); null for a remedy that is not money.
             */
            amount_fen?: number | null;
            /** Format: date-time */
            decided_at?: string | null;
            /** Format: date-time */
            proposed_at: string;
            /** @description The consumer's reason, when rejected. */
            reject_reason?: string | null;
            /** @description `refund`, `replacement`, `repair`, `compensation` or `other`. */
            remedy: string;
            /**
             * @description `pending` (the consumer may accept or reject it), `accepted`, `rejected`, `superseded`
             *     (a newer proposal replaced it) or `lapsed` (the complaint left the enterprise first).
             */
            status: string;
            terms: string;
        };
        /** @description How far one party has read (the furthest of its users). */
        ReadReceipt: {
            party: components["schemas"]["PartyDto"];
            /**
             * Format: int64
             * @description The id of the last message read; null when nobody of that party has read yet.
             */
            read_up_to?: number | null;
        };
        ReadUpTo: {
            /**
             * Format: int64
             * @description The id of the last message read (at least 1).
             */
            up_to: number;
        };
        Readiness: {
            checks: components["schemas"]["DependencyChecks"];
            /** @description `ok`: every dependency answers. */
            status: string;
        };
        /** @description One entry of a closed list. */
        Reason: {
            /** @description What to send in an action (`ground`, `termination_reason` or `decision`). */
            code: string;
            /**
             * Format: int32
             * @description The item of the article that lists it (Art. 16 or 23); null for case decisions.
             */
            item?: number | null;
            text_en: string;
            text_zh: string;
        };
        RegisterRequest: {
            /** @description The SMS code from `POST /api/v1/verification-codes` (purpose `register`). */
            code: string;
            /** @description 1 to 50 characters. */
            display_name: string;
            /** @description 8 to 128 characters; not a common password, not the phone number. */
            password: string;
            /** @example 13812345678 */
            phone: string;
        };
        Rejection: {
            /** @description Why, for the applicant to read: 1 to 500 characters. */
            reason: string;
        };
        ResetRequest: {
            /** @description The SMS code from `POST /api/v1/verification-codes` (purpose `reset_password`). */
            code: string;
            /** @description The new password: 8 to 128 characters; not a common password, not the phone number. */
            password: string;
            /** @example 13812345678 */
            phone: string;
        };
        /** @enum {string} */
        RoleDto: "handler" | "reviewer" | "org_admin" | "analyst";
        RolesUpdate: {
            /** @description At least one of `handler`, `reviewer`, `org_admin`, `analyst`. */
            roles: components["schemas"]["RoleDto"][];
        };
        SecondFactorProof: {
            /** @description A 6-digit TOTP code; or else `recovery_code`. */
            code?: string | null;
            recovery_code?: string | null;
        };
        /** @enum {string} */
        SecondFactorState: "not_required" | "required" | "enrolment_required";
        SessionInfo: {
            /** Format: int64 */
            created_at: number;
            current: boolean;
            /** Format: int64 */
            expires_at: number;
            /** @description Names the session for revocation (not the secret id). */
            handle: string;
            ip: string;
            /** Format: int64 */
            last_seen: number;
            user_agent: string;
        };
        SessionList: {
            items: components["schemas"]["SessionInfo"][];
        };
        SignInRequest: {
            audience: components["schemas"]["AudienceDto"];
            /** @description A consumer's 11-digit mobile number, or a member's user name. */
            login: string;
            password: string;
        };
        SignInResult: {
            me: components["schemas"]["Me"];
            second_factor: components["schemas"]["SecondFactorState"];
        };
        /**
         * @description An Art. 17 signal (staff only): a fact the handler may weigh when judging whether a
         *     complaint is for daily consumption. Signals never change the order's state or block
         *     anything.
         */
        SignalDto: {
            /**
             * @description `frequent_complainant` (Art. 17(2): complaints by the same complainant within the
             *     window either side of this one), `shared_phone` / `shared_address` (Art. 17(4):
             *     distinct complainants who gave the same phone / normalised postal address),
             *     `amount_out_of_line` (Art. 17(1): the amount is at least the factor times the median of
             *     the latest complaints in the same leaf category, given enough of them).
             */
            kind: string;
            /**
             * Format: int64
             * @description What was counted (complaints, complainants, or the amount in fen).
             */
            observed: number;
            /** @description The rule and the numbers in words. */
            text: string;
            text_zh: string;
            /**
             * Format: int64
             * @description The value from which the signal shows.
             */
            threshold: number;
        };
        StationCreate: {
            /**
             * @description 1 to 200 characters.
             * @example 南山区市场监督管理局西丽所
             */
            name: string;
            /** @description Up to 200 characters. */
            name_en?: string | null;
        };
        /** @description An overdue order on the supervision list. */
        SupervisedOrder: components["schemas"]["OrderSummary"] & {
            /**
             * Format: int64
             * @description Calendar days since the due date (1 = due yesterday).
             */
            days_overdue: number;
            /** @description The name of the unit holding it. */
            holder_name: string;
        };
        /** @description A page of the supervision list. */
        SupervisionPage: {
            items: components["schemas"]["SupervisedOrder"][];
            /** @description Pass as `after` for the next page; null on the last one. */
            next?: string | null;
        };
        /** @description A text in both languages. */
        Text: {
            text_en: string;
            text_zh: string;
        };
        /** @description One step on an application's timeline. */
        TimelineStep: {
            /** Format: date-time */
            at: string;
            /** @description `submitted`, `approved`, `rejected`, `organisation_created` or `invitation_sent`. */
            step: string;
        };
        /** @description The form of a token request (`application/x-www-form-urlencoded`). */
        TokenRequest: {
            /** @description The client identifier (`wqc_…`), when not sent by HTTP Basic. */
            client_id?: string | null;
            /** @description The client secret (`wqs_…`), when not sent by HTTP Basic. */
            client_secret?: string | null;
            /** @description Must be `client_credentials`. */
            grant_type: string;
            /** @description Space-delimited scopes, a subset of those granted; all granted scopes when omitted. */
            scope?: string | null;
        };
        /** @description A successful token response (RFC 6749 §5.1). */
        TokenResponse: {
            /** @description A signed JWT to send as `Authorization: Bearer <token>`. */
            access_token: string;
            /**
             * Format: int64
             * @description Seconds until the token expires.
             */
            expires_in: number;
            /** @description The scopes the token carries, space-delimited. */
            scope: string;
            /** @description Always `Bearer`. */
            token_type: string;
        };
        TotpCode: {
            /** @description The 6-digit code from the authenticator app. */
            code: string;
        };
        TotpConfirmed: {
            me: components["schemas"]["Me"];
            /** @description Ten single-use codes for when the authenticator is lost. Shown only now. */
            recovery_codes: string[];
        };
        TotpEnrolment: {
            /** @description Draw this as a QR code. */
            otpauth_uri: string;
            /** @description For manual entry into an authenticator app. */
            secret_base32: string;
        };
        TrackingRequest: {
            /**
             * @description The code given when applying; case, spaces and hyphens do not matter.
             * @example WQ-7K3M-Q9TD-2XHC-R4PA
             */
            tracking_code: string;
        };
        /** @description How many notifications are unread. */
        UnreadCount: {
            /** Format: int64 */
            unread: number;
        };
        UnreadOrder: {
            /** Format: int64 */
            order_id: number;
            /** Format: int64 */
            unread: number;
        };
        UnreadSummary: {
            /** @description The orders with unread messages (at most 500), lowest id first. */
            orders: components["schemas"]["UnreadOrder"][];
            /** Format: int64 */
            total: number;
        };
        /** @description The form: exactly one part, `file`. */
        UploadForm: {
            /**
             * Format: binary
             * @description The file (its name is kept for display; its type is judged from its content).
             */
            file: string;
        };
        /** @description The closed lists staff choose from when acting on an order, as the domain states them. */
        WorkflowReasons: {
            /** @description 立案 or 不予立案, for `decide_clue` and `decide_report`. */
            case_decisions: components["schemas"]["Reason"][];
            /** @description 不予受理的情形 (Art. 16), for `not_accept`. */
            not_accepted_grounds: components["schemas"]["Reason"][];
            /** @description The other routes to settle the dispute, told with every refusal and termination. */
            other_routes: components["schemas"]["Text"];
            /** @description 终止调解的情形 (Art. 23), for `terminate`. */
            termination_reasons: components["schemas"]["Reason"][];
        };
        /** @description A year's whole schedule, as the State Council's notice gives it. */
        YearSchedule: {
            /** @description Every public holiday and make-up working day of the year (at most 366). */
            days: components["schemas"]["HolidayDto"][];
            /** @description Where the dates come from, e.g. 国办发明电〔2026〕7号 (1 to 500 characters). */
            source: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Liveness"];
                };
            };
        };
    };
    health_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PostgreSQL and Redis answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description A dependency is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    api_clients_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description API client id (the number, not `client_id`) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClient"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not this organisation's administrator, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such client in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already revoked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    api_clients_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description API client id (the number, not `client_id`) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rotated; the new secret is shown this once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientWithSecret"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not this organisation's administrator, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such client in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The client is revoked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_submit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationRequest"];
            };
        };
        responses: {
            /** @description Received; keep the tracking code */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationReceipt"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already registered or waiting, or the user name is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many applications from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_track: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrackingRequest"];
            };
        };
        responses: {
            /** @description Status, bureau and timeline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationProgress"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No application has this code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid query parameters or fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many look-ups from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Application id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDetail"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a reviewer here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such application in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Application id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Approved; the organisation exists */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResult"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a reviewer here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such application in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already decided, or the credit code or user name was taken meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Application id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Rejection"];
            };
        };
        responses: {
            /** @description Rejected */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResult"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a reviewer here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such application in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No reason, or too long */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    attachments_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadForm"];
            };
        };
        responses: {
            /** @description Stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentDto"];
                };
            };
            /** @description An unreadable multipart body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An API client (no uploads of its own) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Larger than the maximum */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not multipart/form-data, or a file type that is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No `file` part, or other parts */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many uploads this hour */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    calendar_years_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The years */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearSummary"][];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not staff, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    calendar_years_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The year, 2000 to 2100 */
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The year */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYear"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not staff, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Year out of range */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    calendar_years_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The year, 2000 to 2100 */
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["YearSchedule"];
            };
        };
        responses: {
            /** @description Entered; due dates recomputed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnteredYear"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a national administrator, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A date, kind or name breaks the rules (each named by `days[i].field`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    categories_list: {
        parameters: {
            query?: {
                /** @description Include retired categories (national administrators only, for the editor). */
                include_retired?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The taxonomy */
            200: {
                headers: {
                    /** @description The tree's fingerprint */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryTree"];
                };
            };
            /** @description Unchanged since the ETag sent in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description include_retired without signing in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description include_retired: not a national administrator */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid query parameters or fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    categories_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewCategoryRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryDto"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a national administrator, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The code is taken, or none is left */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    categories_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Category code, e.g. G0101 */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CategoryUpdate"];
            };
        };
        responses: {
            /** @description The category after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryDto"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a national administrator, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields, or nothing to change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    client_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calling API client */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientSelf"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No token, or an invalid or expired one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an API client (a browser session) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    consumers_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description Registered and signed in */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dialogue_unread: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unread counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadSummary"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    divisions_list: {
        parameters: {
            query?: {
                /**
                 * @description The parent's six-digit code; omit it for the 31 provinces.
                 * @example 440300
                 */
                parent?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The children, ordered by code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DivisionList"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such parent */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Malformed parent code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    divisions_lookup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LookupRequest"];
            };
        };
        responses: {
            /** @description The divisions found and the codes not found */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LookupResult"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid codes */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    divisions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Six-digit GB/T 2260 code
                 * @example 440305
                 */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The division and its ancestors */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DivisionDetail"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such division */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Malformed code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    enterprises_odr_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unified social credit code (18 characters)
                 * @example 91440305MA5FWQ001Q
                 */
                credit_code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An approved ODR enterprise */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OdrEnterprise"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No approved ODR enterprise has this code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Malformed credit code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many look-ups from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    invitations_accept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationAccept"];
            };
        };
        responses: {
            /** @description Accepted; the account is active */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPreview"];
                };
            };
            /** @description The link cannot be used (`invitation_invalid`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The password is not acceptable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    invitations_inspect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationToken"];
            };
        };
        responses: {
            /** @description The invitation is open */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPreview"];
                };
            };
            /** @description The link cannot be used (`invitation_invalid`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid query parameters or fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    invitations_resend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Invitation id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sent again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator here, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such invitation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already accepted or revoked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    invitations_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Invitation id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator here, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such invitation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already accepted or revoked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileUpdate"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An API client: it has no name or password of its own */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid name */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    notification_preferences_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's channels */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An API client */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    notification_preferences_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPreferences"];
            };
        };
        responses: {
            /** @description Stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An API client */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or non-boolean fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    orders_mine: {
        parameters: {
            query?: {
                /** @description The `next` of the previous page. */
                after?: string;
                /** @description 1 to 200, default 50. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The consumer's orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPage"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a consumer account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad paging parameters */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me_password_change: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description Changed; all sessions ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An API client: it has no name or password of its own */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong current password or weak new one */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me_session_delete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me_second_factor_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondFactorProof"];
            };
        };
        responses: {
            /** @description Passed; the session cookie is replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or wrong code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticator enrolled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither or both of code and recovery_code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many wrong codes */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me_sessions_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionList"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me_sessions_delete_all: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out everywhere */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me_sessions_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The session handle from the list */
                handle: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such session of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me_totp_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The secret to enrol */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrolment"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already enrolled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me_totp_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpCode"];
            };
        };
        responses: {
            /** @description Enrolled; the session cookie is replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpConfirmed"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or wrong code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not started or already enrolled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Malformed code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many wrong codes */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    notifications_list: {
        parameters: {
            query?: {
                /** @description Only notifications older than this id (the last `id` of the previous page). */
                before?: number;
                /** @description 1 to 100, default 20. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's notifications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An API client */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad paging parameters */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    notifications_mark_read: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkReadRequest"];
            };
        };
        responses: {
            /** @description Marked read */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An API client */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither `ids` nor `all: true`, both, or too many ids */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    notifications_unread_count: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unread count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An API client */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    oauth_token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description A bearer token */
            200: {
                headers: {
                    /** @description no-store */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description invalid_request, unsupported_grant_type, invalid_scope or unauthorized_client */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description invalid_client */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid query parameters or fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failures; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    orders_submit: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key per submission (recommended) */
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderRequest"];
            };
        };
        responses: {
            /** @description A retry with the same Idempotency-Key: the first result */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderReceipt"];
                };
            };
            /** @description Filed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderReceipt"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a consumer account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields, or a reused Idempotency-Key */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    orders_bulk_act: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkRequest"];
            };
        };
        responses: {
            /** @description One result per order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResponse"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    orders_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Order id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order for you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    orders_act: {
        parameters: {
            query?: never;
            header: {
                /** @description The order's version, quoted: "3" */
                "If-Match": string;
            };
            path: {
                /** @description Order id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionRequest"];
            };
        };
        responses: {
            /** @description Done; the order's new version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionResult"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for you */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order for you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not in this state, or someone acted at the same moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order changed since you loaded it */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    orders_attachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Order id */
                id: number;
                /** @description Attachment id */
                attachment_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with the media type judged at upload */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/gif": string;
                    "image/webp": string;
                    "image/heic": string;
                    "image/heif": string;
                    "application/pdf": string;
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order or attachment for you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dialogue_list: {
        parameters: {
            query?: {
                /** @description Only messages after this message id (the last `id` of the previous page). */
                after?: number;
                /** @description 1 to 200, default 100. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Order id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dialogue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DialogueView"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order for you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad paging parameters */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dialogue_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Order id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewMessage"];
            };
        };
        responses: {
            /** @description Posted */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not this participant's kind of message, second factor or CSRF token missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order for you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `dialogue_closed`: not accepting messages now */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Empty or too long body, attachments refused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `rate_limited`: too many messages */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dialogue_attachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Order id */
                id: number;
                /** @description Attachment id */
                attachment_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with the media type judged at upload */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/gif": string;
                    "image/webp": string;
                    "image/heic": string;
                    "image/heif": string;
                    "application/pdf": string;
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such file in a message you see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dialogue_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Order id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReadUpTo"];
            };
        };
        responses: {
            /** @description Recorded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Second factor or CSRF token missing */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order for you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `up_to` below 1 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dialogue_stream: {
        parameters: {
            query?: {
                /**
                 * @description The id of the last message received, when the `Last-Event-ID` header cannot be sent
                 *     (the header wins when both are given).
                 */
                last_event_id?: number;
            };
            header?: {
                /** @description The id of the last message received (empty: from the start, as when absent). */
                "Last-Event-ID"?: string;
            };
            path: {
                /** @description Order id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-sent events: `message` (data: Message) and `read` (data: ReadReceipt) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["DialogueEvent"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order for you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad Last-Event-ID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    orders_targets: {
        parameters: {
            query: {
                /**
                 * @description The action about to be taken: `transfer`, `assign_station`, `refer_up`, `delegate` or
                 *     `assign_handler`.
                 */
                action: string;
                /**
                 * @description Part of the name (Chinese or English; a member's display or user name), or the start
                 *     of a division code (`4403`). At most 100 characters, no control characters.
                 */
                q?: string;
                /** @description 1 to 100, default 20. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Order id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The candidates, at most `limit` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionTargets"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description You may not take this action on this order */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order for you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The action is not possible in the order's present state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown action, or a bad limit or search text */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    organisations_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organisation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationDetail"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Second factor required, or not an organisation member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    api_clients_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clients */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientList"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not this organisation's administrator, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    api_clients_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewApiClient"];
            };
        };
        responses: {
            /** @description Registered; the secret is shown this once */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientWithSecret"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not this organisation's administrator, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad name or scopes */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_list: {
        parameters: {
            query?: {
                /** @description `submitted`, `approved` or `rejected`; all when absent. */
                status?: string;
                /** @description 1 to 200, default 50. */
                limit?: number;
                /** @description The `next` of the previous page. */
                after?: number;
            };
            header?: never;
            path: {
                /** @description The bureau whose subtree to list */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of applications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationPage"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a reviewer here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad filter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    associations_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The city or county bureau's id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssociationCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not this city or county bureau's administrator, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The bureau has an association of this name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    audit_search: {
        parameters: {
            query?: {
                /** @description Only records of this action (e.g. `sign_in_failed`). */
                action?: string;
                /** @description `success`, `failure` or `denied`. */
                outcome?: string;
                /** @description Only records made by this user. */
                user_id?: number;
                /**
                 * @description Only records made by the account with this login (a staff user name or a consumer's
                 *     phone); an unknown login matches nothing.
                 */
                login?: string;
                /** @description Only records made from this IP address. */
                ip?: string;
                /** @description At or after (RFC 3339). */
                from?: string;
                /** @description Before (RFC 3339). */
                until?: string;
                /** @description The `next` of the previous page. */
                after?: string;
                /** @description 1 to 200, default 50. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The organisation whose subtree to search */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator or analyst here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad filter */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    organisations_children: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The children, bureaus first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationList"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Second factor required, or not an organisation member */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    invitations_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationList"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator here, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    invitations_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationCreate"];
            };
        };
        responses: {
            /** @description Invited; the email is queued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator here, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The user name is taken (`username_taken`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    members_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberList"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    organisations_odr_stats: {
        parameters: {
            query: {
                /** @description First day, `YYYY-MM-DD`. */
                from: string;
                /** @description Last day, `YYYY-MM-DD` (at most 366 days after `from`). */
                to: string;
            };
            header?: never;
            path: {
                /** @description Enterprise id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statistics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OdrStats"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such enterprise for you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad period */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    orders_inbox: {
        parameters: {
            query?: {
                /** @description Only orders in one of these states, comma-separated (`received,accepted`). */
                state?: string;
                /** @description The `next` of the previous page (with the same filters). */
                after?: string;
                /** @description 1 to 200, default 50. */
                limit?: number;
                /** @description `complaint`, `report`, `suggestion` or `consultation`. */
                kind?: string;
                /** @description A category code; a parent category's code also matches its children (prefix match). */
                category?: string;
                /** @description `true`: only orders past their due date. */
                overdue?: boolean;
                /**
                 * @description Only orders due today or within this many **calendar** days (0 to 366), not yet
                 *     overdue.
                 */
                due_within?: number;
                /** @description `me`: only orders whose handler is the caller. */
                assigned?: string;
                /** @description Received on or after this day (`YYYY-MM-DD`). */
                received_from?: string;
                /** @description Received on or before this day (`YYYY-MM-DD`). */
                received_to?: string;
                /**
                 * @description An order number or its beginning (`WQ2026...`); otherwise text found in the business
                 *     name or the facts (any language; 3 or more characters use the search index, 1-2
                 *     characters are matched on the other filters' rows). At most 100 characters.
                 */
                q?: string;
            };
            header?: never;
            path: {
                /** @description Organisation id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPage"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad filters */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    orders_counts: {
        parameters: {
            query?: {
                /** @description `complaint`, `report`, `suggestion` or `consultation`. */
                kind?: string;
                /** @description A category code; a parent category's code also matches its children (prefix match). */
                category?: string;
                /** @description `true`: only orders past their due date. */
                overdue?: boolean;
                /**
                 * @description Only orders due today or within this many **calendar** days (0 to 366), not yet
                 *     overdue.
                 */
                due_within?: number;
                /** @description `me`: only orders whose handler is the caller. */
                assigned?: string;
                /** @description Received on or after this day (`YYYY-MM-DD`). */
                received_from?: string;
                /** @description Received on or before this day (`YYYY-MM-DD`). */
                received_to?: string;
                /**
                 * @description An order number or its beginning (`WQ2026...`); otherwise text found in the business
                 *     name or the facts (any language; 3 or more characters use the search index, 1-2
                 *     characters are matched on the other filters' rows). At most 100 characters.
                 */
                q?: string;
            };
            header?: never;
            path: {
                /** @description Organisation id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderCounts"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad filters */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    stations_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The county bureau's id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StationCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not this county bureau's administrator, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The county has a station of this name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    orders_supervision: {
        parameters: {
            query?: {
                /** @description The `next` of the previous page. */
                after?: string;
                /** @description 1 to 200, default 50. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Organisation id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The overdue orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupervisionPage"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such organisation in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad page */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    outbox_parked_list: {
        parameters: {
            query?: {
                /** @description Only messages older than this id (the last `id` of the previous page). */
                before?: number;
                /** @description 1 to 200, default 50. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Parked messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParkedMessage"][];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a national administrator, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Bad paging parameters */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    outbox_requeue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The parked message */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued again */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a national administrator, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No parked message with this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    password_resets_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetRequest"];
            };
        };
        responses: {
            /** @description Password changed; sign in again */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid fields or code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sessions_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInRequest"];
            };
        };
        responses: {
            /** @description Signed in; the session cookie is set */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInResult"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong login or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or oversized fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failures; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    members_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Disabled; sessions ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator here, or one's own account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such member in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    members_enable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enabled */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator here, or one's own account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such member in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The account was never activated (an open or revoked invitation) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    members_roles_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RolesUpdate"];
            };
        };
        responses: {
            /** @description Roles replaced; sessions ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an administrator here, or one's own account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such member in your subtree */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown or no roles */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verification_codes_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeRequest"];
            };
        };
        responses: {
            /** @description Sent if the number may use it */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeSent"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of the documented media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a mobile number */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too soon or too many */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    workflow_reasons: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lists */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowReasons"];
                };
            };
            /** @description Malformed path parameter, header or body, or both a session cookie and a bearer token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a member of an organisation, or second factor required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description PostgreSQL or Redis is down; retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
