<#-- event log: append-only; events are immutable, so there is no updated_at. -->
<#assign table = ident(model.table)>
-- Infrastructure table ${comment(model.declaredAs)}, declared in the pom (infrastructureTables)
-- Generation time: ${comment(model.generatedAt)}

CREATE TABLE ${table} (
  id BIGSERIAL PRIMARY KEY,
  aggregate_id BIGINT NOT NULL,
  event_type VARCHAR(50) NOT NULL,
  event_data JSONB NOT NULL,
  timestamp TIMESTAMPTZ NOT NULL,
  created_at TIMESTAMPTZ DEFAULT NOW()
  -- No updated_at: events are immutable.
);
CREATE INDEX ${ident(model.index)} ON ${table} (aggregate_id, timestamp DESC);
COMMENT ON TABLE ${table} IS ${literal("Infrastructure table " + model.declaredAs + ", declared in the pom")};
<#if model.rowLevelSecurity>
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
</#if>
