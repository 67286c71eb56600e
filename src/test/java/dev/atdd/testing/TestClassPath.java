package dev.atdd.testing;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.function.Predicate;

/** Class loaders over the tests' own class path, less some of it: to prove code links without a library. */
public final class TestClassPath {

    private TestClassPath() {
    }

    /**
     * A loader of the test class path's entries that {@code keep} accepts, with only the JDK as its
     * parent. Surefire runs tests from a manifest-only jar and tells the real class path in its own
     * property; elsewhere (an IDE) it is {@code java.class.path}.
     */
    public static Loader only(Predicate<String> keep) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        URL[] urls = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && keep.test(entry))
                .map(TestClassPath::url)
                .toArray(URL[]::new);
        return new Loader(urls);
    }

    /** A loader that also tells which classes it has loaded. */
    public static final class Loader extends URLClassLoader {

        private Loader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        public boolean hasLoaded(String className) {
            return findLoadedClass(className) != null;
        }
    }

    private static URL url(String entry) {
        try {
            return new File(entry).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }
}
