-- On what footing an applicant comes as to means: 'hardship' (第41条: stated and pledged),
-- 'no_test' (第32条) or 'exempt' (第42条). For the last two no 诚信承诺 is made, and
-- pledged_at is the empty string.
ALTER TABLE legal_aid_applications ADD COLUMN basis TEXT NOT NULL DEFAULT 'hardship';
