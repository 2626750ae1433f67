-- 检举控告类: who or which unit is reported, and that unit's code when it is a configured one
-- (a report is never assigned to the unit it reports, 信访工作条例 第30条).
ALTER TABLE petitions ADD COLUMN reported TEXT;
ALTER TABLE petitions ADD COLUMN reported_unit TEXT;
