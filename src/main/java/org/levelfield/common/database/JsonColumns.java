package org.levelfield.common.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

/**
 * Values kept in jsonb columns, written and read with the service's ObjectMapper. A value that
 * cannot be written or read back is a programming or data error, not bad input: it fails loudly.
 */
@Singleton
public class JsonColumns {

    private final ObjectMapper json;

    public JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a value cannot be written as JSON", e);
        }
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " cannot be read", e);
        }
    }

    public <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored value cannot be read as " + type.getType(), e);
        }
    }

    public <T> T convert(Object value, TypeReference<T> type) {
        return json.convertValue(value, type);
    }
}
