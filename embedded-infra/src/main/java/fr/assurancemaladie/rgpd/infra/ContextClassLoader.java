package fr.assurancemaladie.rgpd.infra;

import java.util.concurrent.Callable;

/**
 * Kafka (broker and clients) and the JDBC driver load plug-ins through the thread's context class loader. Code of
 * this module runs parent-first inside Quarkus tests, where that loader is the booting application's: these calls
 * make it this module's loader for their duration.
 */
public final class ContextClassLoader {

    private ContextClassLoader() {
    }

    public static <T> T ofInfrastructure(Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ContextClassLoader.class.getClassLoader());
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
