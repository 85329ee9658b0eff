package org.cristal.app;

/** Entry point placeholder; replaced by the wiring. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
    }
}
