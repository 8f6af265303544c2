package io.glasslink.supplychain.seed;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import io.glasslink.supplychain.seed.ReferenceDataGenerator.Dataset;
import org.postgresql.PGConnection;
import org.springframework.core.io.ClassPathResource;

/** Rows into PostgreSQL with {@code COPY ... FROM STDIN (FORMAT csv)}: thousands of rows in one round trip. */
final class CsvCopy {

    static final String CENTRES = "reference/centres.csv";

    private CsvCopy() {
    }

    /** The generated data set for the reference list of centres (fixed seed: always the same). */
    static Dataset dataset() {
        try (var csv = new InputStreamReader(new ClassPathResource(CENTRES).getInputStream(), StandardCharsets.UTF_8)) {
            return ReferenceDataGenerator.generate(ReferenceDataGenerator.readCentres(csv));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CENTRES, e);
        }
    }

    /** Copies {@code rows} into {@code table} (name and column list), each row's values given by {@code columns}. */
    static <T> void copy(Connection connection, String table, List<T> rows, Function<T, Object[]> columns)
            throws SQLException, IOException {
        StringBuilder csv = new StringBuilder(rows.size() * 40);
        for (T row : rows) {
            Object[] values = columns.apply(row);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if (values[i] != null) {
                    csv.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
                }
            }
            csv.append('\n');
        }
        connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
    }
}
