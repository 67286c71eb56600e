// The copy's files were just written; files older than two seconds are what a pass may stamp.
import java.nio.file.*
import java.nio.file.attribute.FileTime
import java.time.Instant
def anHourAgo = FileTime.from(Instant.now().minusSeconds(3600))
Files.walk(basedir.toPath()).withCloseable { paths ->
    paths.filter { Files.isRegularFile(it) }.each { Files.setLastModifiedTime(it, anHourAgo) }
}
return true
