package io.github.jetcdctl.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every exit code is distinct, and both `backup --help` and docs/backups.md list each one. */
class BackupExitCodesTest {
    @Test
    void helpAndDocsListEveryDistinctCode() throws IOException, IllegalAccessException {
        String docs = Files.readString(Path.of("docs/backups.md"));
        String help = String.format(BackupExitCodes.HELP);
        Set<Integer> seen = new HashSet<>();
        for (Field f : BackupExitCodes.class.getFields()) {
            if (f.getType() != int.class || !Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            int code = f.getInt(null);
            assertTrue(seen.add(code), f.getName() + " reuses " + code);
            assertTrue(help.contains("\n  " + code + " "), f.getName() + " missing from --help");
            assertTrue(docs.contains("\n| " + code + " | "), f.getName() + " missing from docs/backups.md");
        }
        assertEquals(9, seen.size());
    }
}
