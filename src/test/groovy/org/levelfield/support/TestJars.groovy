package org.levelfield.support

import java.nio.file.Files
import java.nio.file.Path
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream
import java.util.jar.Manifest

/** Small jars for the specs of what the service reads from its packaged jar: entry name to text (null for a folder). */
class TestJars {

    static Path write(Path jar, Map<String, String> entries, Manifest manifest = null) {
        def out = manifest ? new JarOutputStream(Files.newOutputStream(jar), manifest) : new JarOutputStream(Files.newOutputStream(jar))
        out.withCloseable {
            entries.each { name, text ->
                out.putNextEntry(new JarEntry(name))
                if (text != null) out.write(text.getBytes("UTF-8"))
                out.closeEntry()
            }
        }
        jar
    }
}
