package org.cristal.publish;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.cristal.publish.spi.ChannelPlugin;
import org.cristal.publish.spi.ChannelSettings;
import org.cristal.publish.spi.LocalText;
import org.cristal.publish.spi.PluginDescriptor;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;
import org.cristal.publish.spi.PublishRequest;
import org.cristal.publish.spi.PublishResult;
import org.cristal.publish.spi.SettingProblem;
import org.cristal.publish.spi.SettingSpec;

/**
 * A third-party plugin as the rest of Cristal sees it: what describes it (id, name, settings …) is read
 * once when it loads, and every later call into its code turns a crash (a RuntimeException, a
 * NoClassDefFoundError from a missing library) into a {@link PublishException} with a plain message, so
 * one broken plugin cannot take down a publish run, the studio or the command line.
 */
final class GuardedPlugin implements ChannelPlugin {
    private static final System.Logger LOG = System.getLogger(GuardedPlugin.class.getName());

    private final ChannelPlugin delegate;
    private final String jar;
    private final ClassLoader loader;
    private final PluginDescriptor descriptor;
    private final List<SettingSpec> settings;
    private final java.time.Duration keyMemory;

    /** Reads the plugin's description; throws whatever the plugin throws (the registry reports it). */
    GuardedPlugin(ChannelPlugin delegate, String jar, ClassLoader loader) {
        this.delegate = delegate;
        this.jar = jar;
        this.loader = loader;
        this.descriptor = java.util.Objects.requireNonNull(inPlugin(delegate::descriptor), "descriptor");
        this.settings = List.copyOf(inPlugin(delegate::settings));
        this.keyMemory = memoryOf(delegate);
    }

    /** A plugin that cannot say how long its service remembers a key is taken to remember none. */
    private static java.time.Duration memoryOf(ChannelPlugin delegate) {
        try {
            java.time.Duration d = delegate.keyMemory();
            return d == null || d.isNegative() ? NO_KEY_MEMORY : d;
        } catch (RuntimeException | LinkageError e) {
            return NO_KEY_MEMORY;
        }
    }

    @Override
    public java.time.Duration keyMemory() {
        return keyMemory;
    }

    /** The jar it came from. */
    String jar() {
        return jar;
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<SettingSpec> settings() {
        return settings;
    }

    @Override
    public List<SettingProblem> validate(ChannelSettings values) {
        try {
            List<SettingProblem> problems = inPlugin(() -> delegate.validate(values));
            return problems == null ? List.of() : List.copyOf(problems);
        } catch (RuntimeException | Error e) {
            rethrowFatal(e);
            return List.of(new SettingProblem("", crashed(e)));
        }
    }

    @Override
    public LocalText testConnection(ChannelSettings values, PublishContext context) throws PublishException {
        return guarded(() -> delegate.testConnection(values, context));
    }

    @Override
    public PublishResult publish(PublishRequest request, PublishContext context) throws PublishException {
        PublishResult result = guarded(() -> delegate.publish(request, context));
        if (result == null) {
            throw PublishException.permanent(crashed(null));
        }
        return result;
    }

    @Override
    public Optional<PublishResult> lookup(PublishRequest request, PublishContext context) throws PublishException {
        Optional<PublishResult> found = guarded(() -> delegate.lookup(request, context));
        return found == null ? Optional.empty() : found;
    }

    /** The plugin's reader, if it has one, with every call guarded like the others. */
    @Override
    public Optional<org.cristal.publish.spi.ResultsReader> results() {
        Optional<org.cristal.publish.spi.ResultsReader> reader;
        try {
            reader = inPlugin(delegate::results);
        } catch (RuntimeException | LinkageError e) {
            rethrowFatal(e);
            crashed(e);
            return Optional.empty();
        }
        if (reader == null || reader.isEmpty()) {
            return Optional.empty();
        }
        org.cristal.publish.spi.ResultsReader inner = reader.get();
        return Optional.of((settings, publications, context) -> {
            List<org.cristal.publish.spi.ResultsReader.Report> out =
                    guarded(() -> inner.counts(settings, publications, context));
            if (out == null || out.size() != publications.size()) {
                throw PublishException.permanent(crashed(null));
            }
            return out;
        });
    }

    /** The plugin's Connect, if it has one, with every call guarded like the others. */
    @Override
    public Optional<org.cristal.publish.spi.OAuthConnect> oauth() {
        Optional<org.cristal.publish.spi.OAuthConnect> found;
        try {
            found = inPlugin(delegate::oauth);
        } catch (RuntimeException | LinkageError e) {
            rethrowFatal(e);
            crashed(e);
            return Optional.empty();
        }
        if (found == null || found.isEmpty()) {
            return Optional.empty();
        }
        org.cristal.publish.spi.OAuthConnect inner = found.get();
        return Optional.of(new org.cristal.publish.spi.OAuthConnect() {
            @Override
            public org.cristal.publish.spi.OAuthSpec spec(ChannelSettings values) throws PublishException {
                return guarded(() -> inner.spec(values));
            }

            @Override
            public java.util.Map<String, String> register(ChannelSettings values, String redirectUri,
                    PublishContext context) throws PublishException {
                java.util.Map<String, String> kept = guarded(() -> inner.register(values, redirectUri, context));
                return kept == null ? java.util.Map.of() : kept;
            }

            @Override
            public org.cristal.publish.spi.Connected connected(ChannelSettings values, PublishContext context)
                    throws PublishException {
                return guarded(() -> inner.connected(values, context));
            }

            @Override
            public boolean worksWithoutConnect(ChannelSettings values) {
                try {
                    return inPlugin(() -> inner.worksWithoutConnect(values));
                } catch (RuntimeException | LinkageError e) {
                    rethrowFatal(e);
                    crashed(e);
                    return false;
                }
            }

            @Override
            public java.util.Set<String> filledByConnect() {
                try {
                    java.util.Set<String> keys = inPlugin(inner::filledByConnect);
                    return keys == null ? java.util.Set.of() : java.util.Set.copyOf(keys);
                } catch (RuntimeException | LinkageError e) {
                    rethrowFatal(e);
                    crashed(e);
                    return java.util.Set.of();
                }
            }
        });
    }

    @Override
    public String toString() {
        return descriptor.id() + " (" + jar + ")";
    }

    private interface Call<T> {
        T run() throws PublishException;
    }

    private <T> T guarded(Call<T> call) throws PublishException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // Libraries inside the plugin find their own resources through the context loader.
        thread.setContextClassLoader(loader);
        try {
            return call.run();
        } catch (RuntimeException | Error e) {
            rethrowFatal(e);
            throw PublishException.permanent(crashed(e));
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private <T> T inPlugin(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private LocalText crashed(Throwable e) {
        // The user gets a sentence; the details (class, stack) go to the log for the plugin's author.
        LOG.log(System.Logger.Level.WARNING, "plugin " + descriptor.id() + " from " + jar + " failed", e);
        return LocalText.fromBundle(PublishException.BUNDLE, "plugins.error.crashed", descriptor.displayName().toString());
    }

    /** Errors the JVM cannot recover from are not the plugin's to swallow. */
    static void rethrowFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }
}
