package dev.omnigraph.console.storage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Listings of an {@link S3ObjectStore} (ListObjectsV2, 1,000 keys a page). A streamed listing asks
 * for the next page as soon as a page arrives, so the server lists page N+1 while the caller works
 * through page N: on a huge root the listing then takes the longer of the two, not their sum.
 */
final class S3Listings {
    private static final int PAGE_SIZE = 1000;

    private final S3Root root;

    S3Listings(S3Root root) {
        this.root = root;
    }

    private String fullPrefix(String prefix) throws StorageException {
        Keys.checkPrefix(prefix);
        String base = root.uri().prefix().isEmpty() ? "" : root.uri().prefix() + "/";
        return base + prefix;
    }

    private ListObjectsV2Response listPage(String fullPrefix, String delimiter, String token) throws StorageException {
        return BrokenConnectionRetry.call(() -> listPageOnce(fullPrefix, delimiter, token));
    }

    private ListObjectsV2Response listPageOnce(String fullPrefix, String delimiter, String token) throws StorageException {
        try {
            ListObjectsV2Request.Builder b = ListObjectsV2Request.builder().bucket(root.bucket()).prefix(fullPrefix).maxKeys(PAGE_SIZE);
            if (delimiter != null) {
                b.delimiter(delimiter);
            }
            if (token != null) {
                b.continuationToken(token);
            }
            return root.reads().listObjectsV2(b.build());
        } catch (RuntimeException e) {
            throw S3Errors.map(e, "list", "s3://" + root.bucket() + "/" + fullPrefix, false);
        }
    }

    private ObjectInfo info(S3Object o) {
        return new ObjectInfo(root.relative(o.key()), o.size(), o.lastModified(), S3Root.unquote(o.eTag()));
    }

    Stream<ObjectInfo> list(String prefix) throws StorageException {
        String full = fullPrefix(prefix);
        Iterator<ObjectInfo> it = new PrefetchingPages(full, listPage(full, null, null));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    ObjectStore.Listing listChildren(String prefix) throws StorageException {
        String full = fullPrefix(prefix);
        List<ObjectInfo> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = listPage(full, "/", token);
            for (S3Object o : page.contents()) {
                objects.add(info(o));
            }
            for (CommonPrefix p : page.commonPrefixes()) {
                prefixes.add(root.relative(p.prefix()));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return new ObjectStore.Listing(objects, prefixes);
    }

    /** Objects page by page in key order, the next page requested (on a virtual thread) while this one is consumed. */
    private final class PrefetchingPages implements Iterator<ObjectInfo> {
        private final String full;
        private Iterator<S3Object> items;
        private CompletableFuture<ListObjectsV2Response> next;

        PrefetchingPages(String full, ListObjectsV2Response first) {
            this.full = full;
            this.items = first.contents().iterator();
            this.next = prefetch(first);
        }

        private CompletableFuture<ListObjectsV2Response> prefetch(ListObjectsV2Response page) {
            if (!Boolean.TRUE.equals(page.isTruncated()) || page.nextContinuationToken() == null) {
                return null;
            }
            String token = page.nextContinuationToken();
            CompletableFuture<ListObjectsV2Response> f = new CompletableFuture<>();
            Thread.ofVirtual().name("s3-list-prefetch").start(() -> {
                try {
                    f.complete(listPage(full, null, token));
                } catch (StorageException | RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
            return f;
        }

        @Override
        public boolean hasNext() {
            while (!items.hasNext()) {
                if (next == null) {
                    return false;
                }
                ListObjectsV2Response page = await(next);
                items = page.contents().iterator();
                next = prefetch(page);
            }
            return true;
        }

        private ListObjectsV2Response await(CompletableFuture<ListObjectsV2Response> f) {
            try {
                return f.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof StorageException se) {
                    throw new UncheckedStorageException(se);
                }
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }

        @Override
        public ObjectInfo next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return info(items.next());
        }
    }
}
