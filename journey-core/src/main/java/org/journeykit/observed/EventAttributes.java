package org.journeykit.observed;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of an {@link InteractionEvent}: an unmodifiable map in the order the keys were first given, a view
 * over the event's one array of keys and values. Events are read by the million and carry a handful of attributes
 * each, so this replaces a {@code LinkedHashMap} (an object per entry, a table, and a copy when built) with one array
 * per event. Lookups scan the keys: an event has at most {@link InteractionEvent#MAX_ATTRIBUTES}.
 *
 * <p>{@code equals} and {@code hashCode} follow {@link Map}'s contract, so it equals any map with the same
 * entries. Keys and values are not null once an event is built ({@link InteractionEvent} refuses nulls).
 */
final class EventAttributes extends AbstractMap<String, String> {

    static final String[] NONE = new String[0];

    /** Keys at even, values at odd indexes. */
    private final @Nullable String[] entries;

    private EventAttributes(@Nullable String[] entries) {
        this.entries = entries;
    }

    /**
     * The map over an event's entries (keys at even, values at odd indexes), which it does not copy: the event
     * keeps the array and makes a view when asked, so that reading an event allocates no map.
     */
    static EventAttributes view(@Nullable String[] entries) {
        return new EventAttributes(entries);
    }

    @Override
    public int size() {
        return entries.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return entries.length == 0;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return indexOf(entries, entries.length / 2, key) >= 0;
    }

    @Override
    public @Nullable String get(@Nullable Object key) {
        int i = indexOf(entries, entries.length / 2, key);
        return i < 0 ? null : entries[2 * i + 1];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        Objects.requireNonNull(action, "action");
        for (int i = 0; i < entries.length; i += 2) {
            action.accept(entries[i], entries[i + 1]);
        }
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < entries.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= entries.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> entry =
                                new AbstractMap.SimpleImmutableEntry<>(entries[next], entries[next + 1]);
                        next += 2;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return entries.length / 2;
            }
        };
    }

    @Override
    public int hashCode() {
        return hashCode(entries);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof EventAttributes)) {
            return super.equals(other);
        }
        return equal(entries, ((EventAttributes) other).entries);
    }

    /** {@link Map#hashCode()} of the entries: the sum of each key's hash XOR its value's hash. */
    static int hashCode(@Nullable String[] entries) {
        int hash = 0;
        for (int i = 0; i < entries.length; i += 2) {
            hash += Objects.hashCode(entries[i]) ^ Objects.hashCode(entries[i + 1]);
        }
        return hash;
    }

    /** {@link Map#equals(Object)} of two entry arrays, each without duplicate keys: the same keys in any order. */
    static boolean equal(@Nullable String[] one, @Nullable String[] other) {
        if (one.length != other.length) {
            return false;
        }
        for (int i = 0; i < one.length; i += 2) {
            int j = indexOf(other, other.length / 2, one[i]);
            if (j < 0 || !Objects.equals(one[i + 1], other[2 * j + 1])) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(@Nullable String[] entries, int size, @Nullable Object key) {
        for (int i = 0; i < size; i++) {
            if (Objects.equals(entries[2 * i], key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The attributes a builder collects: a key given again replaces its value in its first place, as a
     * {@code LinkedHashMap} would. Past {@link #INDEXED_FROM} entries a hash index finds keys, so that even a
     * builder given many more attributes than an event may have (which its check then refuses) stays linear.
     *
     * <p>The event's builder extends it, as {@code StringBuilder} extends {@code AbstractStringBuilder}, so that
     * building an event allocates one object less: the XES and JSON Lines imports build one per event. Its methods
     * are package-private and not part of the builder's public surface.
     */
    abstract static class Draft {

        /** The size from which keys are found through a hash index instead of a scan. */
        static final int INDEXED_FROM = 16;

        private @Nullable String[] entries = NONE;
        private int size;
        /** Whether {@link #entries} is also an event's: copied before the next change. */
        private boolean shared;
        private @Nullable HashMap<@Nullable String, Integer> index;

        /** Puts a key (null allowed, refused by the event's check) and its value. */
        final void putEntry(@Nullable String key, @Nullable String value) {
            // The common case, a new key in a draft of its own without an index, is kept small enough for the
            // compiler to inline into the caller: an import puts every attribute of every event through here.
            int at = 2 * size;
            if (index == null && !shared && size + 1 < INDEXED_FROM && indexOf(entries, size, key) < 0) {
                if (at == entries.length) {
                    entries = at == 0 ? new String[4] : Arrays.copyOf(entries, 2 * at);
                }
                entries[at] = key;
                entries[at + 1] = value;
                size++;
            } else {
                putAny(key, value);
            }
        }

        /** {@link #putEntry} for a key already there, an array shared with an event, or a draft with an index. */
        private void putAny(@Nullable String key, @Nullable String value) {
            int i = find(key);
            if (shared) {
                entries = Arrays.copyOf(entries, Math.max(4, entries.length + (i < 0 ? entries.length : 0)));
                shared = false;
            }
            if (i >= 0) {
                entries[2 * i + 1] = value;
                return;
            }
            if (2 * size == entries.length) {
                entries = Arrays.copyOf(entries, Math.max(4, 2 * entries.length));
            }
            entries[2 * size] = key;
            entries[2 * size + 1] = value;
            if (index != null) {
                index.put(key, size);
            } else if (size + 1 == INDEXED_FROM) {
                index = new HashMap<>(4 * INDEXED_FROM);
                for (int k = 0; k <= size; k++) {
                    index.put(entries[2 * k], k);
                }
            }
            size++;
        }

        /** Puts every entry of an entry array, in its order. */
        void putEntries(@Nullable String[] entries) {
            for (int i = 0; i < entries.length; i += 2) {
                putEntry(entries[i], entries[i + 1]);
            }
        }

        /** Puts every entry of a map, in its iteration order. */
        void putEntries(Map<? extends @Nullable String, ? extends @Nullable String> map) {
            if (map instanceof EventAttributes) {
                putEntries(((EventAttributes) map).entries);
            } else {
                for (Map.Entry<? extends @Nullable String, ? extends @Nullable String> entry : map.entrySet()) {
                    putEntry(entry.getKey(), entry.getValue());
                }
            }
        }

        /** Removes every entry. */
        void clearEntries() {
            entries = NONE;
            size = 0;
            shared = false;
            index = null;
        }

        /**
         * The entries so far, keys at even and values at odd indexes, for an event to keep; the draft can go on. An
         * array the entries fill exactly is shared with the event rather than copied (the common case: one event per
         * builder), and the draft copies it before its next change.
         */
        @Nullable String[] freezeEntries() {
            if (size == 0) {
                return NONE;
            }
            if (2 * size == entries.length) {
                shared = true;
                return entries;
            }
            return Arrays.copyOf(entries, 2 * size);
        }

        private int find(@Nullable String key) {
            if (index != null) {
                Integer i = index.get(key);
                return i == null ? -1 : i;
            }
            return indexOf(entries, size, key);
        }
    }
}
