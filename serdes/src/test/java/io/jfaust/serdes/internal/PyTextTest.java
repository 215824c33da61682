package io.jfaust.serdes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.serdes.CodecException;
import org.junit.jupiter.api.Test;

class PyTextTest {
    @Test
    void bytesReprFollowsPython() {
        assertThat(PyText.bytesRepr(new byte[] {0, 'a', 'b'})).isEqualTo("b'\\x00ab'");
        assertThat(PyText.bytesRepr("it's".getBytes())).isEqualTo("b\"it's\"");
        assertThat(PyText.bytesRepr("a'\"".getBytes())).isEqualTo("b'a\\'\"'");
        assertThat(PyText.bytesRepr(new byte[] {'\n', '\t', '\r', '\\', (byte) 0xff}))
                .isEqualTo("b'\\n\\t\\r\\\\\\xff'");
    }

    @Test
    void strReprQuotesAsPython() {
        assertThat(PyText.strRepr("abc")).isEqualTo("'abc'");
        assertThat(PyText.strRepr("it's")).isEqualTo("\"it's\"");
    }

    @Test
    void invalidUtf8NamesTheByteAndPosition() {
        assertThatThrownBy(() -> PyText.decodeUtf8(new byte[] {'a', (byte) 0xff}))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("0xff in position 1");
        assertThatThrownBy(() -> PyText.decodeUtf8(new byte[] {'a', (byte) 0xc3}))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("position 1");
    }
}
