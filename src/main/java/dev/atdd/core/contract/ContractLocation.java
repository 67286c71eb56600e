package dev.atdd.core.contract;

/**
 * Where a contract lies under the contracts directory: {@code {theme}/{domain}/.../{aspect}.schema.json}.
 * Folders between the domain and the file are not part of the name.
 *
 * @param relativePath the file's path under the contracts directory, with {@code /} on every system
 */
public record ContractLocation(String theme, String domain, String aspect, String relativePath) {

    /** {@code theme/domain/aspect}, as shown to users. */
    public String key() {
        return theme + "/" + domain + "/" + aspect;
    }
}
