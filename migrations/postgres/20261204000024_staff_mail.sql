-- Staff notifications (issue 16): the address a staff member is told of their work at (a case
-- given to their unit, a 督办函 or 提醒函, the day's due and overdue cases), and their switch
-- (non-zero: on; flags are integers on every backend). Set on the staff member's own page.
ALTER TABLE staff_users ADD COLUMN email TEXT;
ALTER TABLE staff_users ADD COLUMN notify_email INTEGER NOT NULL DEFAULT 0;
