package org.levelfield.common.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Singleton;

/**
 * No text in a JSON body may hold a NUL character: PostgreSQL cannot store one, so it would otherwise fail
 * deep in a write. Refused as it is read, with the field it is in, as bad input (400) that changes nothing.
 */
@Singleton
public class NoNulStrings extends SimpleModule {

    public static final String MESSAGE = "must not contain a NUL character (\\u0000)";

    public NoNulStrings() {
        super("levelfield-no-nul-strings");
        addDeserializer(String.class, new Refusing());
    }

    static final class Refusing extends StdScalarDeserializer<String> {
        Refusing() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, MESSAGE, value.replace("\u0000", "\\u0000"), String.class);
            }
            return value;
        }
    }
}
