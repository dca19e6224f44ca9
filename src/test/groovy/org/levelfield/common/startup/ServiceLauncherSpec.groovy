package org.levelfield.common.startup

import org.levelfield.support.TestJars
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.FileSystems
import java.nio.file.Path

/** How the service's Micronaut reads its configuration files from the packaged jar (issue 15, part 10). */
class ServiceLauncherSpec extends Specification {

    @TempDir Path folder

    Path jar(Map<String, String> entries) {
        TestJars.write(folder.resolve("service.jar"), entries)
    }

    def "a configuration file in the jar is read as written, without going through the jar as a zip file system"() {
        given: "a zip file system already open on the jar: Micronaut's own loader would use it and then close it"
        def jar = jar(["application.yml": "levelfield:\n  name: from the jar\n", "views/": null, "views/page.html": "<p>page</p>"])
        def loader = new URLClassLoader([jar.toUri().toURL()] as URL[], (ClassLoader) null)
        def resources = new ServiceLauncher().classLoader(loader).resourceLoader
        def zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), [:])

        when:
        def text = resources.getResourceAsStream("application.yml").get().withCloseable { new String(it.readAllBytes(), "UTF-8") }

        then:
        text == "levelfield:\n  name: from the jar\n"
        zip.isOpen()
        resources.getResourceAsStream("application-prod.yml").isEmpty()

        when: "Micronaut's own loader reads it"
        io.micronaut.core.io.scan.ClassPathResourceLoader.defaultLoader(loader).getResourceAsStream("application.yml").get().close()

        then: "it went through the zip file system (and closed it), which for the packaged jar meant reading all 51,000 entries"
        !zip.isOpen()

        cleanup:
        if (zip?.isOpen()) zip.close()
        loader?.close()
    }

    def "every other resource is read by Micronaut's own loader, which still refuses a directory"() {
        given:
        def jar = jar(["views/": null, "views/page.html": "<p>page</p>"])
        def loader = new URLClassLoader([jar.toUri().toURL()] as URL[], (ClassLoader) null)
        def resources = new ServiceLauncher().classLoader(loader).resourceLoader

        expect:
        resources.getResourceAsStream("views/page.html").get().withCloseable { new String(it.readAllBytes(), "UTF-8") } == "<p>page</p>"
        resources.getResourceAsStream("views").isEmpty()
        resources.getResource("views/page.html").isPresent()
        resources.classLoader.is(loader)

        cleanup:
        loader?.close()
    }

    def "only names at the root of the class path in Micronaut's configuration formats count as configuration files"() {
        expect:
        ServiceLauncher.isConfigurationFile(name) == configuration

        where:
        name                     || configuration
        "application.yml"        || true
        "application-dev.yml"    || true
        "bootstrap.yaml"         || true
        "application.properties" || true
        "application.json"       || true
        "views/application.yml"  || false
        "a\\b.yml"               || false
        "logback.xml"            || false
        ""                       || false
        null                     || false
    }
}
