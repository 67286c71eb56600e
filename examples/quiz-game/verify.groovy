// Used by this repository's end-to-end tests (maven-invoker-plugin), not needed in a real project.
def dir = new File(basedir, 'supabase/migrations')
def files = dir.listFiles().findAll { it.name.endsWith('.sql') }.sort { it.name }
def tables = files*.name.collect { it.replaceFirst(/^\d{14}_/, '').replaceFirst(/\.sql$/, '') }

assert files.every { it.name ==~ /\d{14}_[a-z0-9_]+\.sql/ }
assert tables.sort() == ['background_jobs', 'commons_ux_foundations', 'match_dilemma_current', 'match_events',
                         'match_session_state', 'player_profile_profile']
// one version per file
assert files*.name.collect { it.substring(0, 14) }.unique().size() == files.size()
// the hand-written migration is untouched
assert new File(dir, '20250101120000_match_session_state.sql').getText('UTF-8').startsWith('-- Hand-written')

def profile = files.find { it.name.endsWith('_player_profile_profile.sql') }.getText('UTF-8')
assert profile.contains('-- ⚠️ REVIEW REQUIRED BEFORE APPLYING')
assert profile.contains('"order" INTEGER NOT NULL')
assert profile.contains("tier TEXT NOT NULL CHECK (tier IN ('rookie', 'Cap''n', 'legend'))")
assert profile.contains('-- End of migration')

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Nothing to generate')
assert log.contains('no table for match/round/completed')
return true
