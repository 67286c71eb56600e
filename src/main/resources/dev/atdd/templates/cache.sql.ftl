<#-- cache: normalized lookup key, JSONB payload. -->
<#assign table = ident(model.table)>
-- Infrastructure table ${comment(model.declaredAs)}, declared in the pom (infrastructureTables)
-- Generation time: ${comment(model.generatedAt)}

CREATE TABLE ${table} (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  lookup_key UUID NOT NULL,
  cached_data JSONB NOT NULL,
  expires_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);
CREATE INDEX ${ident(model.index)} ON ${table} (lookup_key);
COMMENT ON TABLE ${table} IS ${literal("Infrastructure table " + model.declaredAs + ", declared in the pom")};
<#if model.rowLevelSecurity>
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
</#if>
