create table public.billing_ledger_entry (id uuid primary key, data jsonb not null);
