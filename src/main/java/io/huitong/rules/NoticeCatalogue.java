package io.huitong.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The notices a module asks for: one bean per module, whose {@code static final} {@link NoticeKey} constants are its
 * notices. A rule set is activated (at start, on a reload, as an impact candidate) only if its {@code notices.yaml}
 * files hold every notice asked for, with the placeholders passed, and no notice nobody asks for.
 */
public interface NoticeCatalogue {

    /** The notice keys declared as {@code static final} constants of this class. */
    default List<NoticeKey> notices() {
        return keysOf(getClass());
    }

    /** The {@code static final} {@link NoticeKey} constants of a class. */
    static List<NoticeKey> keysOf(Class<?> type) {
        List<NoticeKey> keys = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (field.getType() == NoticeKey.class && Modifier.isStatic(field.getModifiers())
                    && Modifier.isFinal(field.getModifiers())) {
                try {
                    field.setAccessible(true);
                    keys.add((NoticeKey) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read notice key " + field, e);
                }
            }
        }
        return keys;
    }
}
