create table public.notes (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null,
  body text not null,
  visibility text check (visibility in ('private', 'team', 'public'))
);

alter table public.notes enable row level security;
