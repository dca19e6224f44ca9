package org.levelfield.common.startup

import org.levelfield.common.database.Migrations
import org.levelfield.support.TestJars
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** The packaged jar walked once at start, for everything the start reads from it (issue 15, part 10). */
class PackagedJarSpec extends Specification {

    @TempDir Path folder

    Path jar(String name, Map<String, String> entries) {
        TestJars.write(folder.resolve(name), entries)
    }

    def "one walk keeps the entries of the folders read at start; each reader gets what a walk of its own would find"() {
        given:
        def packaged = jar("service.jar", [
                "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/a.B": "",
                "db/"                                                             : null,
                "db/migration/"                                                   : null,
                "db/migration/V1__first.sql"                                      : "create table a (id int);\n",
                "db/migration/V2__second.sql"                                     : "create table b (id int);\n",
                "org/levelfield/rules/engine/X.class"                             : "x",
                "org/levelfield/round/Y.class"                                    : "y",
                "views/page.html"                                                 : "<p>"])
        def other = jar("other.jar", ["db/migration/V1__first.sql": "select 1;\n"])

        when:
        def started = PackagedJar.start(packaged.toString())

        then:
        started == Optional.of(packaged)
        PackagedJar.entries(packaged, "db/migration/").get()*.name == ["db/migration/V1__first.sql", "db/migration/V2__second.sql"]
        PackagedJar.entries(packaged, "org/levelfield/rules/").get()*.name == ["org/levelfield/rules/engine/X.class"]
        PackagedJar.entries(packaged, "org/levelfield/rules/").get()[0].crc == crc("x")
        PackagedJar.entries(packaged, "META-INF/micronaut/").get()*.name == ["META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/a.B"]

        and: "another jar, or a folder not listed, is left to its reader"
        PackagedJar.entries(other, "db/migration/").isEmpty()
        PackagedJar.entries(packaged, "views/").isEmpty()
    }

    def "the migrations check finds the same migrations and checksums through the listing as through its own walk"() {
        given:
        def packaged = jar("migrations.jar", [
                "db/"                        : null,
                "db/migration/"              : null,
                "db/migration/V1__first.sql" : "create table a (id int);\n",
                "db/migration/V2__second.sql": "create table b (id int);\n-- and a comment\n",
                "views/page.html"            : "<p>"])
        def location = new URL("jar:" + packaged.toUri() + "!/db/migration")
        def walked = Migrations.shipped(location)

        when:
        PackagedJar.start(packaged.toString())
        def listed = Migrations.shipped(location)

        then:
        walked.keySet() == ["V1__first.sql", "V2__second.sql"] as Set
        listed == walked
    }

    static long crc(String text) {
        def crc = new java.util.zip.CRC32()
        crc.update(text.getBytes("UTF-8"))
        crc.value
    }
}
