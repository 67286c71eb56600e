CREATE TABLE shop_cart (
  id UUID PRIMARY KEY
);
