// java.io.tmpdir must exist before the build (invoker.properties points it here).
new File(basedir, 'tmp').mkdirs()
return true
