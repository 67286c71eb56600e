def files = new File(basedir, 'supabase/migrations').listFiles().findAll { it.name.endsWith('.sql') }
def tables = files*.name.collect { it.substring(15, it.length() - 4) }
assert files.size() == 60 : "expected 60 migrations, found ${files.size()}"
assert tables.unique(false).size() == 60
assert files*.name.collect { it.substring(0, 14) }.unique(false).size() == 60 : 'two migrations share a version'
assert files.every { it.length() > 0 && it.getText('UTF-8').contains('CREATE TABLE') }
// The parent, whose modules inherit the plugin, has no contracts: it is told to manage the plugin, not to skip it
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('in a parent pom, declare the atdd plugin in <pluginManagement> and in the <plugins> of the modules')
return true
