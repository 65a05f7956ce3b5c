package org.connectathon.platform;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.RowMapper;

/**
 * Maps a row to a record, each component from the column of its name in snake case
 * ({@code organizationName} from {@code organization_name}). It reads each column with
 * the getter of the component's type, chosen once per record type: Spring's
 * {@code DataClassRowMapper} converts every value through its conversion service, which
 * cost most of the time of large results (the results matrix, the worklist).
 */
public final class RecordRowMapper<T extends Record> implements RowMapper<T> {

	private static final Map<Class<?>, RecordRowMapper<?>> MAPPERS = new ConcurrentHashMap<>();

	private final Constructor<T> constructor;

	private final ColumnReader[] readers;

	private RecordRowMapper(Class<T> type) {
		RecordComponent[] components = type.getRecordComponents();
		try {
			this.constructor = type
				.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
		}
		catch (NoSuchMethodException impossible) {
			throw new IllegalStateException("A record has its canonical constructor", impossible);
		}
		this.readers = Arrays.stream(components)
			.map((component) -> reader(component.getType(), snakeCase(component.getName())))
			.toArray(ColumnReader[]::new);
	}

	/** The mapper of this record type, made once. */
	@SuppressWarnings("unchecked")
	public static <T extends Record> RecordRowMapper<T> of(Class<T> type) {
		return (RecordRowMapper<T>) MAPPERS.computeIfAbsent(type, (key) -> new RecordRowMapper<>(type));
	}

	@Override
	public T mapRow(ResultSet row, int rowNumber) throws SQLException {
		Object[] values = new Object[this.readers.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = this.readers[i].read(row);
		}
		try {
			return this.constructor.newInstance(values);
		}
		catch (InstantiationException | IllegalAccessException | InvocationTargetException exception) {
			throw new IllegalStateException("Cannot make a " + this.constructor.getDeclaringClass().getSimpleName(),
					exception);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ColumnReader reader(Class<?> type, String column) {
		if (type == long.class) {
			return (row) -> row.getLong(column);
		}
		if (type == int.class) {
			return (row) -> row.getInt(column);
		}
		if (type == boolean.class) {
			return (row) -> row.getBoolean(column);
		}
		if (type == String.class) {
			return (row) -> row.getString(column);
		}
		if (type == Long.class) {
			return (row) -> {
				long value = row.getLong(column);
				return row.wasNull() ? null : value;
			};
		}
		if (type == Integer.class) {
			return (row) -> {
				int value = row.getInt(column);
				return row.wasNull() ? null : value;
			};
		}
		if (type == OffsetDateTime.class) {
			return (row) -> row.getObject(column, OffsetDateTime.class);
		}
		if (type.isEnum()) {
			Class<? extends Enum> enumType = (Class<? extends Enum>) type;
			return (row) -> {
				String name = row.getString(column);
				return (name != null) ? Enum.valueOf(enumType, name) : null;
			};
		}
		throw new IllegalArgumentException("No column reader for " + type.getName() + " (column " + column + ")");
	}

	private static String snakeCase(String name) {
		StringBuilder column = new StringBuilder(name.length() + 4);
		for (char character : name.toCharArray()) {
			if (Character.isUpperCase(character)) {
				column.append('_').append(Character.toLowerCase(character));
			}
			else {
				column.append(character);
			}
		}
		return column.toString();
	}

	@FunctionalInterface
	private interface ColumnReader {

		Object read(ResultSet row) throws SQLException;

	}

}
