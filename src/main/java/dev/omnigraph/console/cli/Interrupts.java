package dev.omnigraph.console.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Ctrl-C during long work: cancels it and waits (up to 20 s) for it to put the lock back and save what it must. */
final class Interrupts {
    private Interrupts() {}

    static <T> T cancellable(Runnable cancel, String name, Callable<T> work) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.run();
            try {
                finished.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        boolean hooked = addHook(hook);
        try {
            return work.call();
        } finally {
            finished.countDown();
            if (hooked) {
                removeHook(hook);
            }
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | SecurityException ignored) {
            // shutting down: the hook is running
        }
    }
}
