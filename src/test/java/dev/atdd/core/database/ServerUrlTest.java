package dev.atdd.core.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The jdbcUrl's form is checked before anything connects, and no message shows what may hold a password. */
class ServerUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://localhost/postgres", "jdbc:postgresql://127.0.0.1:54322/postgres",
            "jdbc:postgresql://db.example.com:5432/app?sslmode=require&password=s3cret",
            "jdbc:postgresql://[::1]/postgres", "jdbc:postgresql://[::1]:5432/postgres",
            "jdbc:postgresql://primary:5432,replica:5433/app?targetServerType=primary"})
    void acceptsTheFormsTheDriverReads(String url) {
        assertEquals(url, ServerUrl.parse("  " + url + "\n").url());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgres://x                                       | postgres://x                      | it does not start with jdbc:postgresql://",
            "postgresql://postgres:s3cret@127.0.0.1:54322/postgres | …                             | it does not start with jdbc:postgresql://",
            "jdbc:postgresql:postgres                           | jdbc:postgresql:postgres          | it does not start with jdbc:postgresql://",
            "jdbc:postgresql:///postgres?password=s3cret        | jdbc:postgresql:///postgres       | the host is empty",
            "jdbc:postgresql://:5432/postgres                   | jdbc:postgresql://:5432/postgres  | the host is empty",
            "jdbc:postgresql://                                 | jdbc:postgresql://                | the host is empty",
            "jdbc:postgresql://a,/postgres                      | jdbc:postgresql://a,/postgres     | the host is empty",
            "jdbc:postgresql://localhost:54x22/postgres         | jdbc:postgresql://localhost:54x22/postgres | the port \"54x22\" is not a number from 1 to 65535",
            "jdbc:postgresql://localhost:0/postgres             | jdbc:postgresql://localhost:0/postgres | the port \"0\" is not a number from 1 to 65535",
            "jdbc:postgresql://localhost:70000/postgres         | jdbc:postgresql://localhost:70000/postgres | the port \"70000\" is not a number from 1 to 65535",
            "jdbc:postgresql://localhost:54322                  | jdbc:postgresql://localhost:54322 | it names no database",
            "jdbc:postgresql://localhost/?password=s3cret       | jdbc:postgresql://localhost/      | it names no database",
            "jdbc:postgresql://postgres:s3cret@localhost/postgres | jdbc:postgresql://… | the user and password go in the username and password parameters",
            // a password holding / or ? must not show in part, as a port or a host
            "jdbc:postgresql://admin:ab/cd@db:5432/app          | jdbc:postgresql://…               | the user and password go in the username and password parameters",
            "jdbc:postgresql://admin:12/x@db/app                | jdbc:postgresql://…               | the user and password go in the username and password parameters",
            "jdbc:postgresql://admin:p?ss@db/app                | jdbc:postgresql://…               | the port is not a number from 1 to 65535"})
    void aMalformedUrlIsRefusedNamingTheParameterTheFormAndWhatIsWrong(String url, String shown, String reason) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse(url));

        assertEquals("jdbcUrl must be jdbc:postgresql://host[:port]/database, found \"" + shown + "\": " + reason,
                refused.getMessage());
    }

    @Test
    void noUrlAtAllIsRefusedToo() {
        assertEquals("jdbcUrl must be jdbc:postgresql://host[:port]/database, found \"\": it does not start with"
                + " jdbc:postgresql://", assertThrows(IllegalArgumentException.class, () -> ServerUrl.parse(null))
                .getMessage());
    }

    @Test
    void isShownWithoutItsParameters() {
        assertEquals("jdbc:postgresql://localhost:5432/app",
                ServerUrl.parse("jdbc:postgresql://localhost:5432/app?user=me&password=s3cret").shown());
    }
}
