CREATE TABLE shop_order (
  -- ⚠️ TODO: add the foreign key to customers
  id UUID PRIMARY KEY,
  note TEXT DEFAULT 'TODO: not a comment, only data'
  -- TODO: index on note
);
-- FIXME: rename note to remark
