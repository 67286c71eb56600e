<#-- jsonb: the contract document stored whole in data. Reviewed by construction: no TODO markers. -->
<#assign table = ident(model.table)>
<#assign about = []>
<#if model.contract.title??><#assign about += [model.contract.title]></#if>
<#if model.contract.description??><#assign about += [model.contract.description]></#if>
<#assign about += ["Contract: " + (model.contract.id!model.contract.path)]>
<#if model.contract.version??><#assign about += ["Version: " + model.contract.version]></#if>
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
COMMENT ON TABLE ${table} IS ${literal(about?join(" | "))};
<#if model.rowLevelSecurity>
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
</#if>
