package org.voicepanel.host.plugin;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Function;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginRuntimeException;
import org.voicepanel.api.ProviderContext;

/**
 * Builds extensions with their plugin's {@link ProviderContext} when they have a constructor
 * taking one, else with their no-argument constructor.
 */
final class ProviderExtensionFactory implements ExtensionFactory {

    private final Function<Class<?>, ProviderContext> contextOf;

    ProviderExtensionFactory(Function<Class<?>, ProviderContext> contextOf) {
        this.contextOf = contextOf;
    }

    @Override
    public <T> T create(Class<T> extensionClass) {
        try {
            for (Constructor<?> constructor : extensionClass.getConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && parameters[0] == ProviderContext.class) {
                    return extensionClass.cast(constructor.newInstance(contextOf.apply(extensionClass)));
                }
            }
            return extensionClass.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new PluginRuntimeException(e.getCause(), "{} failed in its constructor: {}",
                    extensionClass.getName(), String.valueOf(e.getCause()));
        } catch (ReflectiveOperationException e) {
            throw new PluginRuntimeException(e, "{} has no public constructor taking a ProviderContext or nothing",
                    extensionClass.getName());
        }
    }
}
