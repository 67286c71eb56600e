-- Written by hand, lower case and schema-qualified.
create table if not exists public.shop_cart_cart (
  id uuid primary key default gen_random_uuid(),
  data jsonb not null
);
