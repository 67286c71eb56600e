-- Hand-written before the team adopted atdd-maven-plugin.
create table if not exists public.match_session_state (
  id uuid primary key default gen_random_uuid(),
  player_id uuid not null,
  status text not null check (status in ('waiting', 'playing', 'finished')),
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);

alter table public.match_session_state enable row level security;

create or replace function public.touch_updated_at() returns trigger
language plpgsql as $$
begin
  new.updated_at = now();
  return new;
end;
$$;

create trigger match_session_state_touch
  before update on public.match_session_state
  for each row execute function public.touch_updated_at();
