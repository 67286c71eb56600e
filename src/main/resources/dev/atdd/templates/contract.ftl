<#-- Shared by the contract tables' templates (jsonb.sql.ftl, relational.sql.ftl): <#import "contract.ftl" as contract>. -->
<#-- What COMMENT ON TABLE says about the contract: title | description | Contract: $id or path | Version: version. -->
<#function about source>
  <#local parts = []>
  <#if source.title??><#local parts += [source.title]></#if>
  <#if source.description??><#local parts += [source.description]></#if>
  <#local parts += ["Contract: " + (source.id!source.path)]>
  <#if source.version??><#local parts += ["Version: " + source.version]></#if>
  <#return parts?join(" | ")>
</#function>
