def files = new File(basedir, 'supabase/migrations').listFiles().findAll { it.name.endsWith('.sql') }
def tables = files*.name.collect { it.substring(15, it.length() - 4) }
assert files.size() == 60 : "expected 60 migrations, found ${files.size()}"
assert tables.unique(false).size() == 60
assert files*.name.collect { it.substring(0, 14) }.unique(false).size() == 60 : 'two migrations share a version'
assert files.every { it.length() > 0 && it.getText('UTF-8').contains('CREATE TABLE') }
return true
