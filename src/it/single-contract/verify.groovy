def files = (new File(basedir, 'supabase/migrations').listFiles() ?: []).findAll { it.name.endsWith('.sql') }
assert files.size() == 1 : "expected only the asked contract, found ${files*.name}"
assert files[0].name ==~ /\d{14}_game_match_player\.sql/
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('1 migration(s) written')
return true
