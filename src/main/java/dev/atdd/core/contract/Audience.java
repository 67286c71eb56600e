package dev.atdd.core.contract;

/** {@code x-artifact-metadata.to}: who reads the contract. */
public enum Audience {
    INTERNAL, EXTERNAL
}
