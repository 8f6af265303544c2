package io.glasslink.supplychain;

import io.glasslink.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Base of the HTTP integration tests: a client of the running service, its clock and the test data helper. */
public abstract class ApiTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TestClock clock;

    protected Api api;
    protected TestData data;

    @BeforeEach
    void connect() {
        api = new Api(port, clock);
        data = new TestData(jdbc);
    }

    /** Tests that move the clock leave it at the suite's start for the next. */
    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
