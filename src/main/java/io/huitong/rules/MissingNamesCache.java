package io.huitong.rules;

import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application class loader as the Drools compiler sees it while it builds one rule set, remembering the names
 * that are not there. Compiling a rule set, the compiler (MVEL above all) tries many names that are no class at
 * all — every identifier of an expression, with and without its imports, as an inner class and not — and in the
 * packaged jar each miss searches every one of its 170 nested jars: on 2 cores that was more than half of the
 * compilation. The classes a class loader can load do not change while a rule set compiles, so a miss stays a miss;
 * once the rule set is built, {@link #stopCaching()} makes it a plain delegation again.
 */
final class MissingNamesCache extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Set<String> missingClasses = ConcurrentHashMap.newKeySet();
    private final Set<String> missingResources = ConcurrentHashMap.newKeySet();
    private volatile boolean caching = true;

    MissingNamesCache(ClassLoader parent) {
        super("rule-compilation", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        boolean remember = caching;
        if (remember && missingClasses.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException missing) {
            if (remember) {
                missingClasses.add(name);
            }
            throw missing;
        }
    }

    @Override
    public URL getResource(String name) {
        boolean remember = caching;
        if (remember && missingResources.contains(name)) {
            return null;
        }
        URL found = super.getResource(name);
        if (found == null && remember) {
            missingResources.add(name);
        }
        return found;
    }

    /** From now on every lookup goes to the application class loader again. */
    void stopCaching() {
        caching = false;
        missingClasses.clear();
        missingResources.clear();
    }
}
