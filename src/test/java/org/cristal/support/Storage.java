package org.cristal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real storage faults for tests: a read-only folder, a file Cristal may not change, a full disk. As an
 * ordinary user, permissions do it. As root (CI, this sandbox) permissions stop nothing, so the test uses
 * what a user would really meet: a read-only mount (a bind mount remounted read-only, like a USB stick or
 * a CD), an immutable file ({@code chattr +i}), a small tmpfs that fills up. Where the machine does not
 * allow those, the test is skipped with a line saying why, never passed silently.
 */
public final class Storage {
    private Storage() {
    }

    /** Undoes a fault; closing twice is harmless. */
    public interface Undo extends AutoCloseable {
        @Override
        void close();
    }

    public static boolean isRoot() {
        return "0".equals(run("id", "-u").strip());
    }

    /** Makes {@code dir} and everything in it read-only, as on a read-only medium. */
    public static Undo readOnlyFolder(Path dir) {
        if (!isRoot()) {
            chmodTree(dir, "r--r--r--", "r-xr-xr-x");
            return () -> chmodTree(dir, "rw-r--r--", "rwxr-xr-x");
        }
        require(exec("mount", "--bind", dir.toString(), dir.toString()), "a bind mount (read-only medium)");
        if (exec("mount", "-o", "remount,ro,bind", dir.toString()) != 0) {
            exec("umount", dir.toString());
            Assumptions.abort("cannot remount read-only here: read-only medium not testable on this machine");
        }
        return () -> exec("umount", dir.toString());
    }

    /** Makes one file unchangeable while its folder stays writable (no write permission, or immutable). */
    public static Undo readOnlyFile(Path file) {
        if (!isRoot()) {
            chmod(file, "r--r--r--");
            return () -> chmod(file, "rw-r--r--");
        }
        require(exec("chattr", "+i", file.toString()), "chattr +i (immutable file)");
        return () -> exec("chattr", "-i", file.toString());
    }

    /** Mounts a tmpfs of {@code megabytes} on {@code dir}: a disk that really fills up. */
    public static Undo smallDisk(Path dir, int megabytes) {
        Assumptions.assumeTrue(isRoot(), "a full disk needs a small tmpfs, which only root may mount: skipped");
        require(exec("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString()),
                "a small tmpfs (full disk)");
        return () -> exec("umount", dir.toString());
    }

    /** Writes zeros into {@code file} until the disk is full. */
    public static void fill(Path file) {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            // No space left: what we wanted.
        }
    }

    private static void require(int exit, String what) {
        if (exit != 0) {
            Assumptions.abort("this machine does not allow " + what + ": skipped");
        }
    }

    private static void chmodTree(Path dir, String files, String dirs) {
        try (var s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                chmod(p, Files.isDirectory(p) ? dirs : files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chmod(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int exec(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
