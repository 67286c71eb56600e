package dev.atdd.core.render;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * Reads templates with {@code \r\n} and {@code \r} line ends turned into {@code \n}, so that migrations
 * have {@code \n} line ends whatever editor wrote a user's template.
 */
final class LineFeedTemplateLoader implements TemplateLoader {

    private final TemplateLoader delegate;

    LineFeedTemplateLoader(TemplateLoader delegate) {
        this.delegate = delegate;
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        return delegate.findTemplateSource(name);
    }

    @Override
    public long getLastModified(Object templateSource) {
        return delegate.getLastModified(templateSource);
    }

    @Override
    public Reader getReader(Object templateSource, String encoding) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Reader reader = delegate.getReader(templateSource, encoding)) {
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
            }
        }
        return new StringReader(text.toString().replace("\r\n", "\n").replace('\r', '\n'));
    }

    @Override
    public void closeTemplateSource(Object templateSource) throws IOException {
        delegate.closeTemplateSource(templateSource);
    }
}
