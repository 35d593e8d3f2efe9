ALTER TABLE order_appeals DROP COLUMN problem_type, DROP COLUMN subject_category;
DROP TABLE categories;
