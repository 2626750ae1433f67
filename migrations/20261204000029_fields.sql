-- 涉及领域 (issue 18): the field a matter concerns, a code of the configuration's [[fields]],
-- suggested when it is filed (from its words, else its unit's field) and changed by the bureau
-- with a `field_set` event (whose newest says the field from then on). NULL for matters filed
-- before fields existed: counted as 其他.
ALTER TABLE petitions ADD COLUMN field TEXT;
