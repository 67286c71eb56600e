create table if not exists public.notes_board_tag (
  id uuid primary key default gen_random_uuid(),
  data jsonb not null
);
alter table public.notes_board_tag enable row level security;

insert into storage.buckets (id, name, public) values ('attachments', 'attachments', false);
