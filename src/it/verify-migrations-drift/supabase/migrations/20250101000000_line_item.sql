create table public.billing_invoice_line_item (
  id uuid primary key default gen_random_uuid(),
  amount text
);
alter table public.billing_invoice_line_item enable row level security;
