import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
// 1: coverage names the contract, its table and the command to run
assert log.contains('1 persistent contract has no table:')
assert log.contains('billing/invoice/line-item → table: billing_invoice_line_item')
assert log.contains('Generate the missing migrations with: mvn atdd:generate-migrations')
// 2: todos name the file and line of each TODO
def generated = new File(basedir, 'supabase/migrations').listFiles().find { it.name.endsWith('_billing_invoice_line_item.sql') }
assert generated != null
def firstTodo = generated.readLines('UTF-8').findIndexOf { it.contains('⚠️ TODO:') } + 1
assert log.contains('1 migration holds ')
assert log.contains("supabase/migrations/${generated.name}:${firstTodo}: Add foreign key constraints (one to a table that a later migration creates goes in a migration after that one)")
assert log.contains('RLS policies')

def todos = new JsonSlurper().parse(new File(basedir, 'target/atdd/check-todos.json'))
assert todos.passed == false
assert todos.files.size() == 1
def coverage = new JsonSlurper().parse(new File(basedir, 'target/atdd/check-coverage.json'))
assert coverage.passed == true
assert coverage.missing == []
return true
