-- create table shop_order_order (id int);  <- a comment, does not count
/* TODO is fine here: no colon follows it */
create table if not exists public."shop_cart_cart" (
  id uuid primary key,
  note text default 'create table shop_nothing (x int); -- TODO: inside a string, not a comment'
);
