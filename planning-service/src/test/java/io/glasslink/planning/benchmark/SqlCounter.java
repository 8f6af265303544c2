package io.glasslink.planning.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts, on the service's own pool, the SQL statements sent (each execute call; a batch counts
 * as one round trip) and the commits (explicit, or a statement in auto-commit), so that the benchmark can report them per request. A JDK
 * proxy around the DataSource, its connections and statements: a few tens of nanoseconds per call.
 */
final class SqlCounter implements BeanPostProcessor {

    static final LongAdder STATEMENTS = new LongAdder();
    static final LongAdder COMMITS = new LongAdder();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource ds ? proxy(DataSource.class, ds) : bean;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (p, method, args) -> {
            Object result = invoke(target, method, args);
            String name = method.getName();
            if (target instanceof Statement st && name.startsWith("execute")) {
                STATEMENTS.increment();
                if (st.getConnection().getAutoCommit()) {
                    COMMITS.increment();
                }
            } else if (target instanceof Connection && name.equals("commit")) {
                COMMITS.increment();
            }
            if (result instanceof Connection c && !(result instanceof Proxy)) {
                return proxy(Connection.class, c);
            }
            if (result instanceof Statement s && method.getReturnType().isInterface() && !(result instanceof Proxy)) {
                return proxy((Class<Statement>) method.getReturnType(), s);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
