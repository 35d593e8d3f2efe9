-- pgbench transaction for scripts/bench/intake: the statements one API intake of a complaint
-- (offline business in 440305, no credit code, no attachments, with an Idempotency-Key)
-- sends to PostgreSQL inside its transaction (as logged with log_statement=all),
-- in the same order, against the same tables and indexes, with realistic values. It is the
-- raw-database limit the API is compared with. Keep it in step with
-- api/services/src/orders.rs (`submit`, `create_one`, `notify`): the harness checks that both
-- write the same number of rows to each table per intake and refuses to report otherwise.
--
-- Variables given with -D: uid_min, uid_max (bench consumers), holder_id, holder_path.
\set uid random(:uid_min, :uid_max)
\set amount random(1000, 2000000)
\set nonce random(1, 1000000000000)
BEGIN;
-- the key is claimed first (a retry waits here for the first request)
INSERT INTO idempotency_keys (caller_id, key, request_hash, response)
  VALUES (:uid, 'pgbench-' || :client_id || '-' || :nonce,
          md5(:nonce::text) || md5(:uid::text), 'null'::jsonb)
  ON CONFLICT DO NOTHING;
-- the holiday calendar this instance cached is still current
SELECT max(revision), count(*) FROM holiday_years LIMIT 1;
-- the named divisions and their possible parents exist
SELECT code, name, level, parent_code, has_children FROM divisions
  WHERE code = ANY('{440305,440300,440000}'::text[]) ORDER BY code;
-- the subject category (and its group) and the problem type are known and active
SELECT code, kind, parent_code, name_zh, name_en, position, active, updated_at FROM categories
  WHERE code = ANY('{G0101,G01,P01}'::text[]);
-- the filer
SELECT id, kind, org_id, phone, username, email, display_name, password_hash, status,
       totp_secret, totp_enabled_at, totp_last_step
  FROM users WHERE id = :uid LIMIT 1;
-- the competent bureau
SELECT id, kind, bureau_level, name, name_en, parent_id, path, division_code, credit_code,
       odr_status, status
  FROM organisations WHERE kind = 'bureau' AND division_code = '440305' LIMIT 1;
SELECT nextval('orders_id_seq') AS id \gset
INSERT INTO orders (id, number, kind, rules, state, state_detail, conclusion, received_on,
    clock_start, due_on, due_provisional, consumer_id, filed_by, holder_org_id, holder_path,
    handler_id, sender_org_id, referral_org_id, business_org_id, business_odr,
    mediator_org_id, consent, accepted_on, clue, pauses, rating, routing_rule,
    routing_intended, linked_order_id, version, created_at, updated_at)
  VALUES (:id, 'WQ' || to_char(current_date, 'YYYYMMDD') || lpad(:id::text, 6, '0'),
    'complaint', 'order121', 'received', NULL, NULL, current_date, current_date,
    current_date + 7, false, :uid, :uid, :holder_id, :holder_path, NULL, NULL, NULL, NULL,
    false, NULL, '{"consumer": null, "business": null}'::jsonb, NULL, NULL, '[]'::jsonb, NULL,
    'place_of_business', NULL, NULL, 1, now(), now())
  RETURNING *;
INSERT INTO order_appeals (order_id, business_name, credit_code, business_division,
    business_address, channel, platform, platform_division, conduct_division, item, bought_on,
    amount_fen, request, facts, category, subject_category, problem_type)
  VALUES (:id, '深圳市南山区压测电器商行', NULL, '440305', '深圳市南山区科技园南区高新南七道 18 号',
    'offline', NULL, NULL, NULL, '变频空调 KFR-35GW', current_date - 20, :amount,
    '要求退货退款并赔偿安装费用。',
    '本人于本月在该商行购买变频空调一台，安装后第三天起制冷效果明显下降，室内温度始终降不到 28 度以下。'
    || '商家上门检测后称属正常现象，拒绝退换。多次电话沟通无果，现投诉，请求依法处理。订单号 '
    || :nonce, NULL, 'G0101', 'P01');
INSERT INTO order_parties (order_id, anonymous, user_id, display_name, phone)
  SELECT :id, false, id, display_name, phone FROM users WHERE id = :uid;
INSERT INTO order_events (order_id, seq, actor_kind, actor_user_id, actor_org_id, command,
    from_state, to_state, public, reason, data)
  VALUES (:id, 1, 'consumer', :uid, NULL, 'received', NULL, 'received', true, NULL,
    jsonb_build_object('holder_org_id', :holder_id::bigint, 'routing_rule', 'place_of_business',
                       'routing_intended', NULL));
-- the SMS to the consumer: the phone is read again, then queued in the same transaction
SELECT id, kind, org_id, phone, username, email, display_name, password_hash, status,
       totp_secret, totp_enabled_at, totp_last_step
  FROM users WHERE id = :uid LIMIT 1;
INSERT INTO outbox (channel, recipient, locale, template, payload)
  SELECT 'sms', phone, 'zh-CN', 'order_progress',
         jsonb_build_object('number', 'WQ' || to_char(current_date, 'YYYYMMDD') || lpad(:id::text, 6, '0'))
  FROM users WHERE id = :uid
  RETURNING id;
-- the receipt, stored under the key
UPDATE idempotency_keys
  SET response = jsonb_build_object('orders', jsonb_build_array(jsonb_build_object(
        'id', :id::bigint, 'kind', 'complaint', 'state', 'received', 'holder_org_id', :holder_id::bigint,
        'holder_name', '深圳市南山区市场监督管理局', 'routing_rule', 'place_of_business',
        'due_on', current_date + 7)))
  WHERE caller_id = :uid AND key = 'pgbench-' || :client_id || '-' || :nonce;
COMMIT;
