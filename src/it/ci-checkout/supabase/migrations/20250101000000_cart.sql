create table shop_cart_cart (id uuid primary key);
