import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').getText('UTF-8')
def coverage = 'Every persistent contract has its table: 2 covered, 1 not persistent.'
def todos = 'No unreviewed TODO in 1 migration(s).'
// The first build checks; the second finds the stamps and reads nothing.
assert log.count(coverage) == 2 : log
assert log.count(coverage + ' (unchanged since the last check)') == 1 : log
assert log.count(todos) == 2 : log
assert log.count(todos + ' (unchanged since the last check)') == 1 : log
assert new File(basedir, 'target/atdd/check-coverage.stamp').isFile()
def report = new JsonSlurper().parse(new File(basedir, 'target/atdd/check-coverage.json'))
assert report.passed && report.missing == [] && report.unmappable == []
assert report.covered*.table.sort() == ['shop_cart_cart', 'shop_order_order']
return true
