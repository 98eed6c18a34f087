package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.util.VersionUtil;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of the journey-io artifact, written into a resource by the build. */
final class PackageVersion {

    /** The version; {@link Version#unknownVersion()} if the resource is missing (a broken installation). */
    static final Version VERSION = read();

    private PackageVersion() {}

    private static Version read() {
        try (InputStream in = PackageVersion.class.getResourceAsStream("journey-io.properties")) {
            if (in == null) {
                return Version.unknownVersion();
            }
            Properties properties = new Properties();
            properties.load(in);
            return VersionUtil.parseVersion(properties.getProperty("version"), properties.getProperty("groupId"),
                    properties.getProperty("artifactId"));
        } catch (IOException e) {
            return Version.unknownVersion();
        }
    }
}
