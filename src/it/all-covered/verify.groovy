import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Every persistent contract has its table: 2 covered, 1 not persistent.')
assert log.contains('No unreviewed TODO in 1 migration(s).')
def coverage = new JsonSlurper().parse(new File(basedir, 'target/atdd/check-coverage.json'))
assert coverage.passed && coverage.missing == [] && coverage.unmappable == []
assert coverage.covered*.table.sort() == ['shop_cart_cart', 'shop_order_order']
return true
