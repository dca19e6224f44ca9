package org.levelfield.common.startup

import io.micronaut.context.env.PropertySourceLoader
import io.micronaut.core.beans.BeanIntrospectionReference
import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils
import io.micronaut.core.io.service.SoftServiceLoader
import io.micronaut.inject.BeanConfiguration
import io.micronaut.inject.BeanDefinitionReference
import org.levelfield.support.TestJars
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.jar.Attributes
import java.util.jar.JarFile
import java.util.jar.Manifest

/**
 * The lists of Micronaut's services read from the packaged jar (issue 15, part 10) must be the lists Micronaut makes
 * itself. In the specs Micronaut lists them itself (the class path is folders and many jars), so its own answers can be
 * compared with these.
 */
class PackagedServicesSpec extends Specification {

    @TempDir Path folder

    @Shared ClassLoader classLoader = PackagedServicesSpec.classLoader

    Path jar(Map<String, String> entries, Manifest manifest = null) {
        TestJars.write(Files.createTempFile(folder, "service", ".jar"), entries, manifest)
    }

    /** One jar holding every META-INF/micronaut entry of the specs' class path, as the packaged jar holds the service's. */
    Path packagedLike() {
        Map<String, String> entries = [:]
        System.getProperty("java.class.path").split(File.pathSeparator).each { String element ->
            Path path = Path.of(element)
            if (Files.isDirectory(path.resolve("META-INF/micronaut"))) {
                Files.walk(path.resolve("META-INF/micronaut")).withCloseable { walk ->
                    walk.filter { Files.isRegularFile(it) }.each { entries[path.relativize(it).toString().replace('\\', '/')] = "" }
                }
            } else if (Files.isRegularFile(path) && element.endsWith(".jar")) {
                new JarFile(path.toFile()).withCloseable { jar ->
                    jar.entries().each { if (it.name.startsWith(PackagedServices.FOLDER) && !it.directory) entries[it.name] = "" }
                }
            }
        }
        jar(entries)
    }

    /** Without Groovy's meta-classes, which some of these classes cannot have (they name types the class path lacks). */
    @groovy.transform.CompileStatic
    static Set<String> classNames(List<?> instances) {
        Set<String> names = new HashSet<>()
        for (Object instance : instances) names.add(instance.getClass().getName())
        names
    }

    /** The names Micronaut would be given for a service, in order. */
    static List<String> names(Map<String, SoftServiceLoader.StaticServiceLoader<?>> loaders, String service) {
        loaders.get(service).findAll({ true } as java.util.function.Predicate<String>).withCloseable { found -> found.map { it.name }.toList() }
    }

    PackagedServices.Loaders loaders(Path jar) {
        new PackagedServices.Loaders({ -> PackagedServices.list(jar) } as java.util.function.Supplier, classLoader)
    }

    def "for #service.simpleName the jar's list and the services made from it are Micronaut's own"() {
        given:
        def loaders = loaders(packagedLike())

        when:
        def listed = (PackagedServices.list(packagedLike())[service.name] ?: []) as Set
        def micronautListed = MicronautMetaServiceLoaderUtils.findMicronautMetaServiceEntries(classLoader, service.name)
        def made = names(loaders, service.name) as Set
        def micronautMade = classNames(SoftServiceLoader.load(service, classLoader).collectAll())

        then:
        listed == micronautListed
        made == micronautMade
        made.size() >= least

        where:
        service                    || least
        BeanDefinitionReference    || 500
        BeanIntrospectionReference || 100
        BeanConfiguration          || 10
        PropertySourceLoader       || 2
    }

    def "a service file's names come first, comments and blank lines left out; a missing class or one without a public no-argument constructor is left out"() {
        given:
        def jar = jar([
                "META-INF/micronaut/example.Service/java.util.ArrayList": "",
                "META-INF/micronaut/example.Service/com.example.Missing": "",
                "META-INF/micronaut/example.Service/java.lang.Integer" : "",
                "META-INF/micronaut/example.Service/"                  : null,
                "META-INF/micronaut/other.Service/java.util.HashMap"   : "",
                "META-INF/services/example.Service"                    : "# made first\njava.util.LinkedList  # a list\n\njava.util.ArrayList\n"])
        def loader = new URLClassLoader([jar.toUri().toURL()] as URL[], (ClassLoader) null)
        def loaders = new PackagedServices.Loaders({ -> PackagedServices.list(jar) } as java.util.function.Supplier, loader)

        expect:
        PackagedServices.list(jar) == ["example.Service": ["java.util.ArrayList", "com.example.Missing", "java.lang.Integer"],
                                       "other.Service"  : ["java.util.HashMap"]]
        names(loaders, "example.Service") == ["java.util.LinkedList", "java.util.ArrayList"]
        classNames(loaders.get("example.Service").load({ it != "java.util.LinkedList" } as java.util.function.Predicate<String>, { true } as java.util.function.Predicate)) == ["java.util.ArrayList"] as Set
        names(loaders, "unknown.Service") == []
        loaders.containsKey("anything")

        cleanup:
        loader?.close()
    }

    def "only a class path of one jar that names no other jars is listed this way"() {
        given:
        def plain = jar(["a.txt": "a"])
        def manifest = new Manifest()
        manifest.mainAttributes.put(Attributes.Name.MANIFEST_VERSION, "1.0")
        manifest.mainAttributes.put(Attributes.Name.CLASS_PATH, "lib/other.jar")
        def naming = jar(["a.txt": "a"], manifest)

        expect:
        PackagedJar.singleJar(plain.toString()) == Optional.of(plain)
        PackagedJar.singleJar(naming.toString()).isEmpty()
        PackagedJar.singleJar(plain.toString() + File.pathSeparator + naming).isEmpty()
        PackagedJar.singleJar(folder.toString()).isEmpty()
        PackagedJar.singleJar("").isEmpty()
        PackagedJar.singleJar(null).isEmpty()
        PackagedJar.singleJar(System.getProperty("java.class.path")).isEmpty()
    }
}
