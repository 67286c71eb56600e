<#-- jsonb: the contract document stored whole in data. Reviewed by construction: no TODO markers. -->
<#assign table = ident(model.table)>
<#import "contract.ftl" as contract>
-- Generated from ${comment(model.contract.path)}
-- Generation time: ${comment(model.generatedAt)}

CREATE TABLE ${table} (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  data JSONB NOT NULL,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);
CREATE INDEX ${ident(model.dataIndex)} ON ${table} USING GIN (data);
<#list model.indexes as index>
CREATE INDEX ${ident(index.name)} ON ${table} USING ${keyword(index.method)} (<#list index.fields as key><#if index.method == "GIN">(data->${literal(key)})<#else>(data->>${literal(key)})</#if><#sep>, </#list>);
</#list>
COMMENT ON TABLE ${table} IS ${literal(contract.about(model.contract))};
<#if model.rowLevelSecurity>
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
<#-- A note, not a TODO: this shape is reviewed by construction, and the service role reads it as it is. -->
-- No policy yet: API clients (anon, authenticated) see no rows of this table until one allows them.
</#if>
