<#-- relational: one column per property, a draft for human review (each TODO line blocks the build). -->
<#assign table = ident(model.table)>
<#import "contract.ftl" as contract>
-- Generated from ${comment(model.contract.path)}
-- Generation time: ${comment(model.generatedAt)}
-- ⚠️ REVIEW REQUIRED BEFORE APPLYING

<#-- A contract property of the same name (TIMESTAMPTZ) stands in for a standard column. -->
<#-- Numbers and booleans are written bare in a column of their type, text quoted. -->
<#function value column text>
  <#return ["SMALLINT", "INTEGER", "BIGINT", "NUMERIC", "BOOLEAN"]?seq_contains(column.type?string)?then(constant(text), literal(text))>
</#function>
<#assign standard = ["created_at", "updated_at"]?filter(name -> !model.definition.replacedStandardColumns()?seq_contains(name))>
CREATE TABLE ${table} (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
<#list model.definition.columns as column>
<#list column.todos as todo>
  -- ⚠️ TODO: ${comment(column.name)}: ${comment(todo)}
</#list>
  ${ident(column.name)} ${keyword(column.type)}<#if column.notNull> NOT NULL</#if><#list column.checks as check> CHECK (<#if check.regex??>${ident(column.name)} ~ ${literal(check.regex)}<#elseif check.values?size == 1>${ident(column.name)} = ${value(column, check.values[0])}<#else>${ident(column.name)} IN (<#list check.values as v>${value(column, v)}<#sep>, </#list>)</#if>)</#list><#if column?has_next || standard?has_content>,</#if>
</#list>
<#list standard as name>
  ${ident(name)} TIMESTAMPTZ DEFAULT NOW()<#sep>,</#sep>
</#list>
);
<#list model.indexes as index>
CREATE INDEX ${ident(index.name)} ON ${table} USING ${keyword(index.method)} (<#list index.fields as column>${ident(column)}<#sep>, </#list>);
</#list>
COMMENT ON TABLE ${table} IS ${literal(contract.about(model.contract))};
<#if model.rowLevelSecurity>
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
</#if>

-- ⚠️ TODO: Add foreign key constraints (one to a table that a later migration creates goes in a migration after that one)
-- ⚠️ TODO: Add indexes for common queries
<#if model.rowLevelSecurity>
-- ⚠️ TODO: Add RLS policies (row level security is on: until a policy exists, API clients see no rows)
<#else>
-- ⚠️ TODO: Add RLS policies (row level security is off: Supabase exposes this table to API clients)
</#if>
-- ⚠️ TODO: Add trigger for updated_at
<#if model.definition.hasJsonb()>
-- ⚠️ TODO: Review JSONB columns for normalization
</#if>
<#list model.definition.todos as todo>
-- ⚠️ TODO: ${comment(todo)}
</#list>

-- End of migration
