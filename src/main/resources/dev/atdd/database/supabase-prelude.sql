-- Supabase compatibility prelude, built into atdd-maven-plugin.
--
-- Creates, when missing, the parts of a Supabase database that ordinary Supabase migrations use,
-- so that they apply on a plain PostgreSQL 15. Every statement is idempotent: applying the prelude
-- to a database that already has these objects (a Supabase one, or a second run) changes nothing.
-- Everything created here is listed in docs/supabase-prelude.md; keep the two in step.

-- Roles of the Supabase API, and those of Supabase's services that migrations grant to or make owners
-- (a pulled schema's OWNER TO "supabase_admin", an auth hook's grants to supabase_auth_admin). Roles belong
-- to the whole server, not to one database.
-- A role that exists is left alone before anything is asked of it: on a server where they exist (the one
-- supabase start runs) the user need not have the right to create them (BYPASSRLS needs a superuser).
do $prelude$
declare
  role_options text[][] := array[['anon', 'nologin noinherit'], ['authenticated', 'nologin noinherit'],
      ['service_role', 'nologin noinherit bypassrls'], ['authenticator', 'nologin noinherit'],
      ['dashboard_user', 'nologin noinherit'], ['supabase_admin', 'nologin noinherit'],
      ['supabase_auth_admin', 'nologin noinherit'], ['supabase_functions_admin', 'nologin noinherit'],
      ['supabase_realtime_admin', 'nologin noinherit'], ['supabase_storage_admin', 'nologin noinherit']];
  wanted text[];
  api_role text;
begin
  foreach wanted slice 1 in array role_options loop
    if not exists (select from pg_roles where rolname = wanted[1]) then
      begin
        execute format('create role %I %s', wanted[1], wanted[2]);
      exception when duplicate_object then null; -- made meanwhile by another build on the same server
      end;
    end if;
  end loop;
  -- The API's login role switches to these, as on Supabase; granted only where missing.
  foreach api_role in array array['anon', 'authenticated', 'service_role'] loop
    if not pg_has_role('authenticator', api_role, 'member') then
      execute format('grant %I to authenticator', api_role);
    end if;
  end loop;
end
$prelude$;

-- Schemas.
create schema if not exists extensions;
create schema if not exists auth;
create schema if not exists storage;

grant usage on schema public, extensions, auth, storage to anon, authenticated, service_role;

-- Extensions, in schema extensions as on Supabase, found through the search path below.
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;

-- Supabase's search path: this user's default in this database, so that the session the migrations run in
-- starts with it and RESET ALL (which ends every pulled schema file) returns to it, whatever default the user
-- has elsewhere on the server (a setting for one role in one database outranks the others); and this
-- session's setting for the rest of the prelude.
do $prelude$
begin
  execute format('alter role current_user in database %I set search_path to "$user", public, extensions',
      current_database());
end
$prelude$;
set search_path to "$user", public, extensions;

-- Extensions every Supabase project has that stock PostgreSQL lacks, so that the CREATE EXTENSION IF NOT
-- EXISTS lines of a pulled schema skip as they do on Supabase. The embedded server offers empty stand-ins
-- of them, made by the plugin; a server without them gets nothing here.
do $prelude$
declare
  stand_in record;
begin
  for stand_in in select name, schema from pg_available_extension_versions
      where comment like 'Empty stand-in for Supabase''s %' loop
    execute format('create schema if not exists %I', stand_in.schema);
    execute format('create extension if not exists %I', stand_in.name);
  end loop;
end
$prelude$;

-- Realtime: tables are published by ALTER PUBLICATION supabase_realtime ADD TABLE ...
do $prelude$
begin
  create publication supabase_realtime;
exception when duplicate_object then null;
end
$prelude$;

-- auth: the signed-in user, read from the request's JWT claims as Supabase's API sets them.
create or replace function auth.uid() returns uuid
  language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
  language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
  language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

create or replace function auth.email() returns text
  language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

grant execute on function auth.uid(), auth.role(), auth.jwt(), auth.email() to anon, authenticated, service_role;

-- auth.users: Supabase's columns, with their types, for foreign keys to id, sign-up triggers reading
-- email and the metadata, and views over the user's state.
create table if not exists auth.users (
  instance_id uuid,
  id uuid not null primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0 check (email_change_confirm_status between 0 and 2),
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);

-- storage: buckets and objects, so that migrations can insert buckets and write policies on objects.
create table if not exists storage.buckets (
  id text not null primary key,
  name text not null,
  owner uuid,
  owner_id text,
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);
create unique index if not exists bname on storage.buckets (name);

create table if not exists storage.objects (
  id uuid not null default gen_random_uuid() primary key,
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  owner_id text,
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now()
);
create unique index if not exists bucketid_objname on storage.objects (bucket_id, name);

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

-- Path helpers used in storage policies, e.g. (storage.foldername(name))[1] = auth.uid()::text.
create or replace function storage.foldername(name text) returns text[]
  language sql immutable
as $$
  select (string_to_array(name, '/'))[1:array_length(string_to_array(name, '/'), 1) - 1]
$$;

create or replace function storage.filename(name text) returns text
  language sql immutable
as $$
  select (string_to_array(name, '/'))[array_length(string_to_array(name, '/'), 1)]
$$;

create or replace function storage.extension(name text) returns text
  language sql immutable
as $$
  select reverse(split_part(reverse(storage.filename(name)), '.', 1))
$$;

grant all on storage.buckets, storage.objects to anon, authenticated, service_role;
