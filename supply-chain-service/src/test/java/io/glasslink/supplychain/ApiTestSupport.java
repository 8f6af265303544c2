package io.glasslink.supplychain;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Base of the HTTP integration tests: a client of the running service and the test data helper. */
public abstract class ApiTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;
    protected TestData data;

    @BeforeEach
    void connect() {
        api = new Api(port);
        data = new TestData(jdbc);
    }
}
