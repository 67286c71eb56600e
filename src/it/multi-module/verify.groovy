import java.nio.file.*

def sql = { File dir -> (dir.listFiles() ?: []).findAll { it.name.endsWith('.sql') }.sort { it.name } }

// module-a: relational shape, row level security off, default migrations folder
def a = sql(new File(basedir, 'module-a/supabase/migrations'))
assert a.size() == 1 : "module-a wrote ${a*.name}"
assert a[0].name ==~ /\d{14}_shop_order_order\.sql/
def aText = a[0].getText('UTF-8')
assert aText.contains('total NUMERIC NOT NULL')
assert aText.contains("status TEXT CHECK (status IN ('open', 'paid'))")
assert aText.contains('⚠️ TODO:')
assert !aText.contains('ENABLE ROW LEVEL SECURITY')

// module-b: jsonb shape, its own folder, one infrastructure table
assert !new File(basedir, 'module-b/supabase').exists()
def b = sql(new File(basedir, 'module-b/db'))
assert b*.name.collect { it.replaceFirst(/^\d{14}_/, '') }.sort() == ['billing_cache.sql', 'shop_invoice_invoice.sql']
def invoice = b.find { it.name.endsWith('_shop_invoice_invoice.sql') }.getText('UTF-8')
assert invoice.contains('data JSONB NOT NULL')
assert invoice.contains('ENABLE ROW LEVEL SECURITY')
assert !invoice.contains('TODO')
// versions unique within the folder
assert b*.name.collect { it.substring(0, 14) }.unique().size() == 2

// check-coverage named at the root: the parent, whose <plugins> do not list the plugin, is skipped in one line
// (its managed configuration would read folders named from a module); both modules check and pass.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.count('atdd: skipped in this parent pom, whose <plugins> do not list the atdd plugin') == 1 : log
assert log.count('Every persistent contract has its table:') == 2 : log
assert !log.contains('No contracts directory') : log
return true
