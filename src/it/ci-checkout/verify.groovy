def log = new File(basedir, 'build.log').getText('UTF-8')
// 1: generate-migrations on CI checks instead of writing, and says why and what to do
assert log.contains("On CI (the environment's CI=true; -Datdd.ci=false writes here) generate-migrations writes no migration")
assert log.contains('shop/refund/refund → table: shop_refund_refund')
// 2: the run without CI wrote the one missing migration, and the checks passed
def written = new File(basedir, 'supabase/migrations').listFiles().collect { it.name }.sort()
assert written.size() == 2
assert written[0] == '20250101000000_cart.sql'
assert written[1] ==~ /\d{14}_shop_refund_refund\.sql/
assert log.contains('Every persistent contract has its table: 2 covered, 0 not persistent.')
return true
