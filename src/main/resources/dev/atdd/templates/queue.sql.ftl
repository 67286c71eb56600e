<#-- queue: normalized columns for queue operations, JSONB task data. -->
<#assign table = ident(model.table)>
-- Infrastructure table ${comment(model.declaredAs)}, declared in the pom (infrastructureTables)
-- Generation time: ${comment(model.generatedAt)}

CREATE TABLE ${table} (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  job_type VARCHAR(50) NOT NULL,
  status VARCHAR(20) NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed')),
  priority INT DEFAULT 0,
  scheduled_at TIMESTAMPTZ NOT NULL,
  job_data JSONB NOT NULL,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);
CREATE INDEX ${ident(model.index)} ON ${table} (status, priority DESC, scheduled_at)
  WHERE status IN ('pending', 'running');
COMMENT ON TABLE ${table} IS ${literal("Infrastructure table " + model.declaredAs + ", declared in the pom")};
<#if model.rowLevelSecurity>
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
</#if>
