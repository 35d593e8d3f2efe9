-- Overdue escalation (issue 4). A scheduled job (`weiquan serve`, one instance at a time under
-- an advisory lock; `weiquan orders escalate` runs it once) escalates every open order past its
-- due date to the upper level's supervision list: it sets `escalated_at` and remembers the due
-- date it escalated for in `escalated_due_on`, so one overdue period escalates once; a new due
-- date (after an action or a recomputed calendar) that passes is a new period.
ALTER TABLE orders ADD COLUMN escalated_at timestamptz NULL;
ALTER TABLE orders ADD COLUMN escalated_due_on date NULL;

-- The supervision list: escalated orders of a subtree, latest first.
CREATE INDEX orders_escalated_idx ON orders (holder_path text_pattern_ops, escalated_at DESC, id)
    WHERE escalated_at IS NOT NULL;
-- The job's scan (open orders by due date) uses orders_open_due_idx of 000026_inbox_search.
