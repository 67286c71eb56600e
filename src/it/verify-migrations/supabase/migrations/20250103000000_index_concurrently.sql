create index concurrently if not exists notes_owner_idx on public.notes (owner_id);
