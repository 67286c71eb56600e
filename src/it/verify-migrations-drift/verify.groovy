def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('1 difference between the contracts and the schema the migrations build:')
assert log.contains('  contracts/billing/invoice/line-item.schema.json (table made at 20250101000000_line_item.sql:1):')
assert log.contains('    billing_invoice_line_item.amount: contract says number (NUMERIC NOT NULL), table has TEXT NULL')
assert log.contains('Fix the side that is wrong: the contract, or the table with a new migration that alters it (generate-migrations only writes the tables that are missing).')
return true
