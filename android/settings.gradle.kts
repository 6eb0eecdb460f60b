// The APK build, on a machine with the Android SDK (see README.md). The app takes core as a
// published jar: core is built by Maven (`mvn -B install -pl core`) into ~/.m2, read via mavenLocal.
pluginManagement {
  repositories {
    google()
    mavenCentral()
    gradlePluginPortal()
  }
}

dependencyResolutionManagement {
  repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
  repositories {
    google()
    mavenCentral()
    mavenLocal()
  }
}

rootProject.name = "panoramix-android"
include(":app")
