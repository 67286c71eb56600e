def log = new File(basedir, 'build.log').getText('UTF-8')
// The driver was resolved, loaded and used: it is what refused the connection.
assert log.contains('cannot run the scratch PostgreSQL: cannot connect to jdbc:postgresql://localhost:1/postgres')
// Nothing on the way needed the embedded server, which was not fetched for this build.
assert !log.contains('NoClassDefFoundError')
assert !log.contains('zonky')
return true
