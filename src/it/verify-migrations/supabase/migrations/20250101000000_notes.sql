-- Written the way Supabase projects write them: lower case, public. names, auth.uid() policies.
create table public.notes (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references auth.users (id) on delete cascade,
  body text not null,
  visibility text check (visibility in ('private', 'team', 'public')),
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);

alter table public.notes enable row level security;

create policy "owners read their notes" on public.notes
  for select using (auth.uid() = owner_id);
create policy "owners write their notes" on public.notes
  for insert with check (auth.uid() = owner_id);

create or replace function public.touch_updated_at() returns trigger
language plpgsql as $$
begin
  -- create table inside a body is not a table
  new.updated_at = now();
  return new;
end;
$$;

create trigger notes_touch before update on public.notes
  for each row execute function public.touch_updated_at();

grant select on public.notes to authenticated;
