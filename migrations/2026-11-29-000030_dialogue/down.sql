DROP INDEX orders_dialogue_mediator_idx;
DROP INDEX orders_dialogue_business_idx;
DROP TABLE dialogue_reads;
DROP TABLE order_message_attachments;
DROP TABLE order_messages;
DROP FUNCTION order_messages_guard();
