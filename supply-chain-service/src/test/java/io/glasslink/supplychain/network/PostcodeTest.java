package io.glasslink.supplychain.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostcodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"7501", "750011", "75O11", "", " 75011"})
    void rejectsAnythingButFiveDigits(String value) {
        assertThatThrownBy(() -> new Postcode(value)).isInstanceOf(Postcode.MalformedPostcodeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"75011", "20000", "01000"})
    void departementIsTheFirstTwoDigits(String value) {
        assertThat(new Postcode(value).departement()).isEqualTo(value.substring(0, 2));
    }
}
