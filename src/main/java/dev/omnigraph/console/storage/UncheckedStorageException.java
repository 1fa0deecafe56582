package dev.omnigraph.console.storage;

/** Carries a {@link StorageException} out of a lazily consumed listing stream. */
public final class UncheckedStorageException extends RuntimeException {
    public UncheckedStorageException(StorageException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized StorageException getCause() {
        return (StorageException) super.getCause();
    }
}
